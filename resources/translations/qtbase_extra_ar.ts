<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Qt's own strings that the Arabic catalogue shipped with Qt (qtbase_ar) lacks in this Qt version:
     the file dialog's labels and the file types of its list. Loaded after qtbase_ar. -->
<TS version="2.1" language="ar" sourcelanguage="en">
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>ا&amp;عثر في:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>ال&amp;ملفّات من النّوع:</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Folder</source>
        <comment>All other platforms</comment>
        <translation>مجلّد</translation>
    </message>
    <message>
        <source>Drive</source>
        <translation>قرص</translation>
    </message>
</context>
</TS>
