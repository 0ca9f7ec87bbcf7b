<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<!-- English is the source language: this catalogue only gives the singular and plural of the messages that count (%n). -->
<context>
    <name>AnnotateAllDialog</name>
    <message numerus="yes">
        <source>Only the first {listed} of %n hit(s) are listed.</source>
        <translation>
            <numerusform>Only the first {listed} of %n hit are listed.</numerusform>
            <numerusform>Only the first {listed} of %n hits are listed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{accepted} of %n hit(s) will be annotated as {label}; {tagged} already tagged.</source>
        <translation>
            <numerusform>{accepted} of %n hit will be annotated as {label}; {tagged} already tagged.</numerusform>
            <numerusform>{accepted} of %n hits will be annotated as {label}; {tagged} already tagged.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClaimsLedgerWindow</name>
    <message numerus="yes">
        <source>%n claim(s)</source>
        <translation>
            <numerusform>%n claim</numerusform>
            <numerusform>%n claims</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n group(s)</source>
        <translation>
            <numerusform>%n group</numerusform>
            <numerusform>%n groups</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n contested</source>
        <translation>
            <numerusform>%n contested</numerusform>
            <numerusform>%n contested</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExchangeMessages</name>
    <message numerus="yes">
        <source>Checking {file}: %n record(s)…</source>
        <translation>
            <numerusform>Checking {file}: %n record…</numerusform>
            <numerusform>Checking {file}: %n records…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n document</numerusform>
            <numerusform>%n documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n span(s)</source>
        <translation>
            <numerusform>%n span</numerusform>
            <numerusform>%n spans</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n relation(s)</source>
        <translation>
            <numerusform>%n relation</numerusform>
            <numerusform>%n relations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) could not be expressed in this format (see details).</source>
        <translation>
            <numerusform>%n item could not be expressed in this format (see details).</numerusform>
            <numerusform>%n items could not be expressed in this format (see details).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{file} has %n problem(s); nothing of it was imported.</source>
        <translation>
            <numerusform>{file} has %n problem; nothing of it was imported.</numerusform>
            <numerusform>{file} has %n problems; nothing of it was imported.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n layer(s)</source>
        <translation>
            <numerusform>%n layer</numerusform>
            <numerusform>%n layers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new document(s)</source>
        <translation>
            <numerusform>%n new document</numerusform>
            <numerusform>%n new documents</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
</context>
<context>
    <name>ReviewWindow</name>
    <message numerus="yes">
        <source>%n span(s)</source>
        <translation>
            <numerusform>%n span</numerusform>
            <numerusform>%n spans</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unit(s): {parts}; {decided} decided; gold {status}</source>
        <translation>
            <numerusform>%n unit: {parts}; {decided} decided; gold {status}</numerusform>
            <numerusform>%n units: {parts}; {decided} decided; gold {status}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Accept %n full agreement(s)</source>
        <translation>
            <numerusform>Accept %n full agreement</numerusform>
            <numerusform>Accept %n full agreements</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n full agreement(s) copied into gold.</source>
        <translation>
            <numerusform>%n full agreement copied into gold.</numerusform>
            <numerusform>%n full agreements copied into gold.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchFeature</name>
    <message numerus="yes">
        <source>Annotate %n occurrence(s) as {label}</source>
        <translation>
            <numerusform>Annotate %n occurrence as {label}</numerusform>
            <numerusform>Annotate %n occurrences as {label}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Annotated %n occurrence(s) as {label}.</source>
        <translation>
            <numerusform>Annotated %n occurrence as {label}.</numerusform>
            <numerusform>Annotated %n occurrences as {label}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{done} %n already tagged.</source>
        <translation>
            <numerusform>{done} %n already tagged.</numerusform>
            <numerusform>{done} %n already tagged.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message numerus="yes">
        <source>%n hit(s) in {documents}</source>
        <translation>
            <numerusform>%n hit in {documents}</numerusform>
            <numerusform>%n hits in {documents}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n document</numerusform>
            <numerusform>%n documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{summary} (the first %n listed)</source>
        <translation>
            <numerusform>{summary} (the first %n listed)</numerusform>
            <numerusform>{summary} (the first %n listed)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExchangeActions</name>
    <message numerus="yes">
        <source>%n already in the project.</source>
        <translation>
            <numerusform>%n already in the project.</numerusform>
            <numerusform>%n already in the project.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n text(s);</source>
        <translation>
            <numerusform>Imported %n text;</numerusform>
            <numerusform>Imported %n texts;</numerusform>
        </translation>
    </message>
</context>
</TS>
