<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
<context>
    <name>AgreementBars</name>
    <message>
        <source>No labels to compare.</source>
        <translation>لا وسوم للمقارنة.</translation>
    </message>
</context>
<context>
    <name>AgreementScope</name>
    <message>
        <source>document</source>
        <translation>مستند</translation>
    </message>
    <message>
        <source>label</source>
        <translation>وسم</translation>
    </message>
    <message>
        <source>corpus</source>
        <translation>المدوّنة</translation>
    </message>
</context>
<context>
    <name>AnnotateAllDialog</name>
    <message>
        <source>Annotate All Occurrences</source>
        <translation>توسيم كل المواضع</translation>
    </message>
    <message>
        <source>linked to {name}</source>
        <translation>مع الربط بـ«{name}»</translation>
    </message>
    <message>
        <source>without a registry link</source>
        <translation>دون ربط بالسجل</translation>
    </message>
    <message>
        <source>Label:</source>
        <translation>الوسم:</translation>
    </message>
    <message>
        <source>Occurrence</source>
        <translation>الموضع</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>المستند</translation>
    </message>
    <message>
        <source>Accept All</source>
        <translation>قبول الكل</translation>
    </message>
    <message>
        <source>Skip All</source>
        <translation>تخطّي الكل</translation>
    </message>
    <message>
        <source>Space toggles a hit, A accepts it and S skips it (both move on); Enter annotates, Esc cancels.</source>
        <translation>مفتاح المسافة يبدّل اختيار النتيجة، ومفتاح A يقبلها ومفتاح S يتخطّاها (وكلاهما ينتقل إلى التالية)؛ ومفتاح Enter للتوسيم، ومفتاح Esc للإلغاء.</translation>
    </message>
    <message numerus="yes">
        <source>Only the first {listed} of %n hit(s) are listed.</source>
        <translation>
            <numerusform>لم تُعرض إلا أول {listed} من أصل %n نتيجة.</numerusform>
            <numerusform>لم تُعرض إلا أول {listed} من أصل نتيجة واحدة.</numerusform>
            <numerusform>لم تُعرض إلا أول {listed} من أصل نتيجتين.</numerusform>
            <numerusform>لم تُعرض إلا أول {listed} من أصل %n نتائج.</numerusform>
            <numerusform>لم تُعرض إلا أول {listed} من أصل %n نتيجة.</numerusform>
            <numerusform>لم تُعرض إلا أول {listed} من أصل %n نتيجة.</numerusform>
        </translation>
    </message>
    <message>
        <source>Already inside a {label} span</source>
        <translation>داخل مقطع {label} من قبل</translation>
    </message>
    <message numerus="yes">
        <source>{accepted} of %n hit(s) will be annotated as {label}; {tagged} already tagged.</source>
        <translation>
            <numerusform>سيُوسَم {accepted} من %n نتيجة بالوسم {label}؛ و{tagged} موسومة من قبل.</numerusform>
            <numerusform>سيُوسَم {accepted} من نتيجة واحدة بالوسم {label}؛ و{tagged} موسومة من قبل.</numerusform>
            <numerusform>سيُوسَم {accepted} من نتيجتين بالوسم {label}؛ و{tagged} موسومة من قبل.</numerusform>
            <numerusform>سيُوسَم {accepted} من %n نتائج بالوسم {label}؛ و{tagged} موسومة من قبل.</numerusform>
            <numerusform>سيُوسَم {accepted} من %n نتيجة بالوسم {label}؛ و{tagged} موسومة من قبل.</numerusform>
            <numerusform>سيُوسَم {accepted} من %n نتيجة بالوسم {label}؛ و{tagged} موسومة من قبل.</numerusform>
        </translation>
    </message>
    <message>
        <source>Annotate {count}</source>
        <translation>توسيم {count}</translation>
    </message>
</context>
<context>
    <name>AnnotationController</name>
    <message>
        <source>Select some text first, then press a label&apos;s key.</source>
        <translation>حدّد نصًّا أولًا، ثم اضغط مفتاح الوسم.</translation>
    </message>
    <message>
        <source>Select a span, then select the new extent and press Resize.</source>
        <translation>اختر مقطعًا، ثم حدّد امتداده الجديد واضغط «ضبط المقطع».</translation>
    </message>
    <message>
        <source> or </source>
        <translation> أو </translation>
    </message>
    <message>
        <source>{relation}: first select a span of kind {kinds}.</source>
        <translation>{relation}: اختر أولًا مقطعًا من نوع {kinds}.</translation>
    </message>
    <message>
        <source>{relation}: there is no span to relate to yet.</source>
        <translation>{relation}: لا يوجد بعدُ مقطع يمكن ربطه.</translation>
    </message>
    <message>
        <source>{relation} of “{head}”: “{candidate}” — Tab for the next, Enter to choose, or click a span; Esc cancels.</source>
        <translation>{relation} لـ«{head}»: «{candidate}» — Tab للتالي، وEnter للاختيار، أو انقر مقطعًا؛ Esc للإلغاء.</translation>
    </message>
    <message>
        <source>“{tail}” is now the {relation} of “{head}”.</source>
        <translation>أصبح «{tail}» الآن {relation} لـ«{head}».</translation>
    </message>
    <message>
        <source>Relation cancelled.</source>
        <translation>أُلغيت العلاقة.</translation>
    </message>
</context>
<context>
    <name>AnnotationTableModel</name>
    <message>
        <source>Text</source>
        <translation>النص</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>الوسم</translation>
    </message>
    <message>
        <source>Attributes</source>
        <translation>السمات</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>الربط</translation>
    </message>
    <message>
        <source>Annotator</source>
        <translation>المُوسِّم</translation>
    </message>
</context>
<context>
    <name>ClaimsLedgerInstaller</name>
    <message>
        <source>Claims &amp;Ledger…</source>
        <translation>&amp;سجل الادعاءات…</translation>
    </message>
</context>
<context>
    <name>ClaimsLedgerWindow</name>
    <message>
        <source>Claims Ledger</source>
        <translation>سجل الادعاءات</translation>
    </message>
    <message>
        <source>Entity: a name or a registry id</source>
        <translation>الكيان: اسم أو معرّف في السجل المرجعي</translation>
    </message>
    <message>
        <source>From (2024, 2024-06)</source>
        <translation>من (2024، 2024-06)</translation>
    </message>
    <message>
        <source>To</source>
        <translation>إلى</translation>
    </message>
    <message>
        <source>Claim</source>
        <translation>الادعاء</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <source>Stance</source>
        <translation>الموقف</translation>
    </message>
    <message>
        <source>Claimant</source>
        <translation>صاحب الادعاء</translation>
    </message>
    <message>
        <source>Reported by</source>
        <translation>المصدر</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>المستهدف</translation>
    </message>
    <message>
        <source>Denied by</source>
        <translation>نفاه</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>النوع</translation>
    </message>
    <message>
        <source>Certainty</source>
        <translation>درجة اليقين</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>المستند</translation>
    </message>
    <message>
        <source>&amp;Join Groups</source>
        <translation>&amp;دمج المجموعات</translation>
    </message>
    <message>
        <source>Make the selected groups one: the same claim</source>
        <translation>اجعل المجموعات المحدّدة مجموعة واحدة: الادعاء نفسه</translation>
    </message>
    <message>
        <source>&amp;Split Off</source>
        <translation>&amp;فصل</translation>
    </message>
    <message>
        <source>Put the selected claims in a group of their own</source>
        <translation>ضع الادعاءات المحدّدة في مجموعة مستقلة</translation>
    </message>
    <message>
        <source>&amp;Regroup by Type and Target</source>
        <translation>إعادة ال&amp;تجميع حسب النوع والمستهدف</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>تصدير &amp;CSV…</translation>
    </message>
    <message>
        <source>Export JSON&amp;L…</source>
        <translation>تصدير &amp;JSONL…</translation>
    </message>
    <message>
        <source>Every type</source>
        <translation>كل الأنواع</translation>
    </message>
    <message>
        <source>Every stance</source>
        <translation>كل المواقف</translation>
    </message>
    <message>
        <source>undated</source>
        <translation>بلا تاريخ</translation>
    </message>
    <message numerus="yes">
        <source>%n claim(s)</source>
        <translation>
            <numerusform>%n ادعاء</numerusform>
            <numerusform>ادعاء واحد</numerusform>
            <numerusform>ادعاءان</numerusform>
            <numerusform>%n ادعاءات</numerusform>
            <numerusform>%n ادعاءً</numerusform>
            <numerusform>%n ادعاء</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n group(s)</source>
        <translation>
            <numerusform>%n مجموعة</numerusform>
            <numerusform>مجموعة واحدة</numerusform>
            <numerusform>مجموعتان</numerusform>
            <numerusform>%n مجموعات</numerusform>
            <numerusform>%n مجموعةً</numerusform>
            <numerusform>%n مجموعة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n contested</source>
        <translation>
            <numerusform>%n متنازع عليها</numerusform>
            <numerusform>واحدة متنازع عليها</numerusform>
            <numerusform>اثنتان متنازع عليهما</numerusform>
            <numerusform>%n متنازع عليها</numerusform>
            <numerusform>%n متنازعًا عليها</numerusform>
            <numerusform>%n متنازع عليها</numerusform>
        </translation>
    </message>
    <message>
        <source>claim</source>
        <translation>ادعاء</translation>
    </message>
    <message>
        <source>contested</source>
        <translation>متنازع عليه</translation>
    </message>
    <message>
        <source>asserts</source>
        <translation>يؤكد</translation>
    </message>
    <message>
        <source>denies</source>
        <translation>ينفي</translation>
    </message>
    <message>
        <source>questions</source>
        <translation>يشكك</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>لم يتم</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>جدول CSV (*.csv)</translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl)</source>
        <translation>أسطر JSON (*.jsonl)</translation>
    </message>
    <message>
        <source>Export Claims</source>
        <translation>تصدير الادعاءات</translation>
    </message>
    <message>
        <source>Not exported</source>
        <translation>لم يُصدَّر</translation>
    </message>
    <message>
        <source>Written: {path}</source>
        <translation>كُتب: {path}</translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message>
        <source>A: {layer}</source>
        <translation>أ: {layer}</translation>
    </message>
    <message>
        <source>B: {layer}</source>
        <translation>ب: {layer}</translation>
    </message>
    <message>
        <source>current unit</source>
        <translation>الوحدة الحالية</translation>
    </message>
    <message>
        <source>gold (outline)</source>
        <translation>الطبقة المرجعية (إطار)</translation>
    </message>
</context>
<context>
    <name>ConfusionMatrixView</name>
    <message>
        <source>Choose two layers.</source>
        <translation>اختر طبقتين.</translation>
    </message>
    <message>
        <source>B: {layer}</source>
        <translation>ب: {layer}</translation>
    </message>
    <message>
        <source>A: {layer}</source>
        <translation>أ: {layer}</translation>
    </message>
    <message>
        <source>(no span)</source>
        <translation>(بلا مقطع)</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>exact F1</source>
        <translation>F1 (تطابق تام)</translation>
    </message>
    <message>
        <source>overlap F1</source>
        <translation>F1 (تداخل)</translation>
    </message>
    <message>
        <source>alpha_u</source>
        <translation>ألفا (u)</translation>
    </message>
    <message>
        <source>scope</source>
        <translation>النطاق</translation>
    </message>
    <message>
        <source>document</source>
        <translation>المستند</translation>
    </message>
    <message>
        <source>title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <source>label</source>
        <translation>الوسم</translation>
    </message>
    <message>
        <source>spans</source>
        <translation>المقاطع</translation>
    </message>
    <message>
        <source>exact P</source>
        <translation>الدقة (تام)</translation>
    </message>
    <message>
        <source>exact R</source>
        <translation>الاستدعاء (تام)</translation>
    </message>
    <message>
        <source>overlap P</source>
        <translation>الدقة (تداخل)</translation>
    </message>
    <message>
        <source>overlap R</source>
        <translation>الاستدعاء (تداخل)</translation>
    </message>
    <message>
        <source>kappa</source>
        <translation>كابا</translation>
    </message>
    <message>
        <source>alpha</source>
        <translation>ألفا</translation>
    </message>
    <message>
        <source>tokens</source>
        <translation>الرموز</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>تحد&amp;يث</translation>
    </message>
    <message>
        <source>Export &amp;PNG…</source>
        <translation>تصدير ال&amp;صورة (PNG)…</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>تصدير الأر&amp;قام (CSV)…</translation>
    </message>
    <message>
        <source>Layers:</source>
        <translation>الطبقات:</translation>
    </message>
    <message>
        <source>Check at least two layers to compare them.</source>
        <translation>اختر طبقتين على الأقل لمقارنتهما.</translation>
    </message>
    <message>
        <source>Cohen&apos;s kappa and Krippendorff&apos;s alpha over tokens; precision and recall of {b} with {a} as the reference</source>
        <translation>كابا كوهين وألفا كريبندورف على مستوى الرموز؛ الدقة والاستدعاء لـ{b} مع اعتبار {a} مرجعًا</translation>
    </message>
    <message>
        <source>Fleiss&apos; kappa and Krippendorff&apos;s alpha over tokens; F1 is the mean over pairs of layers</source>
        <translation>كابا فلايس وألفا كريبندورف على مستوى الرموز؛ F1 هو المتوسط على أزواج الطبقات</translation>
    </message>
    <message>
        <source>Cohen κ</source>
        <translation>κ كوهين</translation>
    </message>
    <message>
        <source>Fleiss κ</source>
        <translation>κ فلايس</translation>
    </message>
    <message>
        <source>There are no figures to export: check at least two layers with spans.</source>
        <translation>لا أرقام للتصدير: اختر طبقتين على الأقل فيهما مقاطع.</translation>
    </message>
    <message>
        <source>the charts could not be rendered as PNG</source>
        <translation>تعذّر رسم المخططات صورةً بصيغة PNG</translation>
    </message>
    <message>
        <source>Export Charts as PNG</source>
        <translation>تصدير المخططات صورةً بصيغة PNG</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>صورة PNG (*.png)</translation>
    </message>
    <message>
        <source>Export Figures as CSV</source>
        <translation>تصدير الأرقام جدولًا بصيغة CSV</translation>
    </message>
    <message>
        <source>CSV table (*.csv)</source>
        <translation>جدول CSV (*.csv)</translation>
    </message>
    <message>
        <source>Not exported</source>
        <translation>لم يُصدَّر</translation>
    </message>
</context>
<context>
    <name>Decision</name>
    <message>
        <source>accepted A</source>
        <translation>قُبل أ</translation>
    </message>
    <message>
        <source>accepted B</source>
        <translation>قُبل ب</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>مرفوض</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>عُدِّل</translation>
    </message>
    <message>
        <source>Accept A {label}</source>
        <translation>قبول أ {label}</translation>
    </message>
    <message>
        <source>Accept B {label}</source>
        <translation>قبول ب {label}</translation>
    </message>
    <message>
        <source>Reject {label}</source>
        <translation>رفض {label}</translation>
    </message>
    <message>
        <source>Accept and edit {label}</source>
        <translation>قبول وتعديل {label}</translation>
    </message>
</context>
<context>
    <name>DocumentListModel</name>
    <message>
        <source>Title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>الطول</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
</context>
<context>
    <name>DocumentStatus</name>
    <message>
        <source>new</source>
        <translation>جديد</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>قيد العمل</translation>
    </message>
    <message>
        <source>done</source>
        <translation>منجز</translation>
    </message>
    <message>
        <source>reviewed</source>
        <translation>تمت مراجعته</translation>
    </message>
</context>
<context>
    <name>EditNames</name>
    <message>
        <source>Add {label}</source>
        <translation>إضافة {label}</translation>
    </message>
    <message>
        <source>Delete {label}</source>
        <translation>حذف {label}</translation>
    </message>
    <message>
        <source>Relabel {before} as {after}</source>
        <translation>تغيير الوسم {before} إلى {after}</translation>
    </message>
    <message>
        <source>Resize {label}</source>
        <translation>تغيير امتداد {label}</translation>
    </message>
    <message>
        <source>Set {names}</source>
        <translation>تعيين {names}</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>ربط</translation>
    </message>
    <message>
        <source>Unlink</source>
        <translation>فك الربط</translation>
    </message>
    <message>
        <source>Edit note</source>
        <translation>تحرير الملاحظة</translation>
    </message>
    <message>
        <source>Change {label}</source>
        <translation>تعديل {label}</translation>
    </message>
    <message>
        <source>; </source>
        <translation>؛ </translation>
    </message>
</context>
<context>
    <name>EntityEditor</name>
    <message>
        <source>Edit entity</source>
        <translation>تحرير كيان</translation>
    </message>
    <message>
        <source>New entity</source>
        <translation>كيان جديد</translation>
    </message>
    <message>
        <source>a-short-id</source>
        <translation>معرّف قصير بحروف لاتينية</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>النوع</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>المعرّف</translation>
    </message>
    <message>
        <source>Arabic name</source>
        <translation>الاسم العربي</translation>
    </message>
    <message>
        <source>Aliases (one per line)</source>
        <translation>الأسماء البديلة (واحد في كل سطر)</translation>
    </message>
    <message>
        <source>English name</source>
        <translation>الاسم الإنجليزي</translation>
    </message>
    <message>
        <source>Wikidata id</source>
        <translation>معرّف ويكي بيانات</translation>
    </message>
    <message>
        <source>An id and an Arabic name are needed.</source>
        <translation>يلزم معرّف واسم عربي.</translation>
    </message>
</context>
<context>
    <name>ExchangeActions</name>
    <message numerus="yes">
        <source>%n already in the project.</source>
        <translation>
            <numerusform>ولم يكن أيٌّ منها في المشروع من قبل.</numerusform>
            <numerusform>ونص واحد كان في المشروع من قبل.</numerusform>
            <numerusform>ونصّان كانا في المشروع من قبل.</numerusform>
            <numerusform>و%n نصوص كانت في المشروع من قبل.</numerusform>
            <numerusform>و%n نصًّا كانت في المشروع من قبل.</numerusform>
            <numerusform>و%n نص كانت في المشروع من قبل.</numerusform>
        </translation>
    </message>
    <message>
        <source>Annotations ({patterns});;All files (*)</source>
        <translation>التوسيمات ({patterns});;كل الملفات (*)</translation>
    </message>
    <message>
        <source>Import annotations</source>
        <translation>استيراد التوسيمات</translation>
    </message>
    <message>
        <source>Import texts</source>
        <translation>استيراد نصوص</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n text(s);</source>
        <translation>
            <numerusform>لم يُستورد أي نص؛</numerusform>
            <numerusform>استُورد نص واحد؛</numerusform>
            <numerusform>استُورد نصّان؛</numerusform>
            <numerusform>استُوردت %n نصوص؛</numerusform>
            <numerusform>استُورد %n نصًّا؛</numerusform>
            <numerusform>استُورد %n نص؛</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was imported</source>
        <translation>لم يُستورد شيء</translation>
    </message>
    <message>
        <source>Texts (*.txt *.jsonl *.ndjson);;All files (*)</source>
        <translation>النصوص (*.txt *.jsonl *.ndjson);;كل الملفات (*)</translation>
    </message>
</context>
<context>
    <name>ExchangeMessages</name>
    <message>
        <source>Exporting…</source>
        <translation>جارٍ التصدير…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message numerus="yes">
        <source>Checking {file}: %n record(s)…</source>
        <translation>
            <numerusform>جارٍ فحص {file}…</numerusform>
            <numerusform>فُحص سجل واحد من {file}…</numerusform>
            <numerusform>فُحص سجلّان من {file}…</numerusform>
            <numerusform>فُحصت %n سجلات من {file}…</numerusform>
            <numerusform>فُحص %n سجلًا من {file}…</numerusform>
            <numerusform>فُحص %n سجل من {file}…</numerusform>
        </translation>
    </message>
    <message>
        <source>Storing {file}: {records} of {of} records…</source>
        <translation>حُفظ {records} من {of} سجل من {file}…</translation>
    </message>
    <message>
        <source>Export cancelled</source>
        <translation>أُلغي التصدير</translation>
    </message>
    <message>
        <source>Nothing was written to {target}.</source>
        <translation>لم يُكتب شيء في {target}.</translation>
    </message>
    <message>
        <source>Nothing was written to {target}: {error}</source>
        <translation>لم يُكتب شيء في {target}: {error}</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>تعذّر التصدير</translation>
    </message>
    <message>
        <source>{documents}, {spans} and {relations}</source>
        <translation>{documents}، و{spans}، و{relations}</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n مستند</numerusform>
            <numerusform>مستند واحد</numerusform>
            <numerusform>مستندان</numerusform>
            <numerusform>%n مستندات</numerusform>
            <numerusform>%n مستندًا</numerusform>
            <numerusform>%n مستند</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n span(s)</source>
        <translation>
            <numerusform>%n مقطع</numerusform>
            <numerusform>مقطع واحد</numerusform>
            <numerusform>مقطعان</numerusform>
            <numerusform>%n مقاطع</numerusform>
            <numerusform>%n مقطعًا</numerusform>
            <numerusform>%n مقطع</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n relation(s)</source>
        <translation>
            <numerusform>%n علاقة</numerusform>
            <numerusform>علاقة واحدة</numerusform>
            <numerusform>علاقتان</numerusform>
            <numerusform>%n علاقات</numerusform>
            <numerusform>%n علاقة</numerusform>
            <numerusform>%n علاقة</numerusform>
        </translation>
    </message>
    <message>
        <source>Wrote {counts} of the layer {layer} to {target}.</source>
        <translation>كُتب من طبقة {layer} إلى {target}: {counts}.</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>اكتمل التصدير</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) could not be expressed in this format (see details).</source>
        <translation>
            <numerusform>لم يتعذّر التعبير عن أي عنصر بهذه الصيغة.</numerusform>
            <numerusform>تعذّر التعبير عن عنصر واحد بهذه الصيغة (انظر التفاصيل).</numerusform>
            <numerusform>تعذّر التعبير عن عنصرين بهذه الصيغة (انظر التفاصيل).</numerusform>
            <numerusform>تعذّر التعبير عن %n عناصر بهذه الصيغة (انظر التفاصيل).</numerusform>
            <numerusform>تعذّر التعبير عن %n عنصرًا بهذه الصيغة (انظر التفاصيل).</numerusform>
            <numerusform>تعذّر التعبير عن %n عنصر بهذه الصيغة (انظر التفاصيل).</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was imported</source>
        <translation>لم يُستورد شيء</translation>
    </message>
    <message numerus="yes">
        <source>{file} has %n problem(s); nothing of it was imported.</source>
        <translation>
            <numerusform>لا مشكلات في {file}؛ ولم يُستورد منه شيء.</numerusform>
            <numerusform>في {file} مشكلة واحدة؛ لم يُستورد منه شيء.</numerusform>
            <numerusform>في {file} مشكلتان؛ لم يُستورد منه شيء.</numerusform>
            <numerusform>في {file} %n مشكلات؛ لم يُستورد منه شيء.</numerusform>
            <numerusform>في {file} %n مشكلة؛ لم يُستورد منه شيء.</numerusform>
            <numerusform>في {file} %n مشكلة؛ لم يُستورد منه شيء.</numerusform>
        </translation>
    </message>
    <message>
        <source>The layer {layers} already holds work on texts in {file}.

Replace it with the file&apos;s layer (Edit &gt; Undo puts it back), merge the file&apos;s spans that are not in it yet, or import the file as a new layer?</source>
        <translation>في الطبقة {layers} عمل على نصوص في {file}.

أتستبدل بها طبقة الملف (تحرير &gt; تراجع يعيدها)، أم تدمج فيها ما ليس فيها من امتدادات الملف، أم تستورد الملف طبقةً جديدة؟</translation>
    </message>
    <message>
        <source>The layer already holds work</source>
        <translation>في الطبقة عمل من قبل</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>استبدال</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>دمج</translation>
    </message>
    <message>
        <source>New layer</source>
        <translation>طبقة جديدة</translation>
    </message>
    <message>
        <source>Import {file}</source>
        <translation>استيراد {file}</translation>
    </message>
    <message>
        <source>{layer} already held work: the file went into the new layer {new}.</source>
        <translation>كان في {layer} عمل، فذهب الملف إلى الطبقة الجديدة {new}.</translation>
    </message>
    <message>
        <source>Replaced {spans}; Edit &gt; Undo puts them back.</source>
        <translation>استُبدل {spans}؛ تحرير &gt; تراجع يعيدها.</translation>
    </message>
    <message>
        <source>Imported {layers} ({names}): {spans}, {relations}; {documents}.</source>
        <translation>استُورد: {layers} ({names})، {spans}، {relations}؛ {documents}.</translation>
    </message>
    <message numerus="yes">
        <source>%n layer(s)</source>
        <translation>
            <numerusform>%n طبقة</numerusform>
            <numerusform>طبقة واحدة</numerusform>
            <numerusform>طبقتان</numerusform>
            <numerusform>%n طبقات</numerusform>
            <numerusform>%n طبقة</numerusform>
            <numerusform>%n طبقة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new document(s)</source>
        <translation>
            <numerusform>%n مستند جديد</numerusform>
            <numerusform>مستند جديد واحد</numerusform>
            <numerusform>مستندان جديدان</numerusform>
            <numerusform>%n مستندات جديدة</numerusform>
            <numerusform>%n مستندًا جديدًا</numerusform>
            <numerusform>%n مستند جديد</numerusform>
        </translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>اكتمل الاستيراد</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>All files</source>
        <translation>كل الملفات</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>تصدير</translation>
    </message>
    <message>
        <source>All documents</source>
        <translation>كل المستندات</translation>
    </message>
    <message>
        <source>This document</source>
        <translation>هذا المستند</translation>
    </message>
    <message>
        <source>Choose where to write</source>
        <translation>اختر مكان الحفظ</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>اختيار…</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>الصيغة</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>الطبقة</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>المستندات</translation>
    </message>
    <message>
        <source>Write to</source>
        <translation>الحفظ في</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>التصدير إلى</translation>
    </message>
</context>
<context>
    <name>ExportFormat</name>
    <message>
        <source>Hashiya JSONL (exact, for teammates)</source>
        <translation>JSONL حاشية (مطابق تمامًا، لأعضاء الفريق)</translation>
    </message>
    <message>
        <source>doccano JSONL (entities and relations)</source>
        <translation>doccano JSONL (الكيانات والعلاقات)</translation>
    </message>
    <message>
        <source>doccano JSONL (label lists)</source>
        <translation>doccano JSONL (قوائم الوسوم)</translation>
    </message>
    <message>
        <source>brat standoff (.zip, or a folder)</source>
        <translation>brat standoff (ملف ‎.zip أو مجلد)</translation>
    </message>
</context>
<context>
    <name>FileCheckWatch</name>
    <message>
        <source>The project file is damaged</source>
        <translation>ملف المشروع تالف</translation>
    </message>
    <message>
        <source>{problem}

What is shown may be wrong or incomplete, and no edit will be saved into it.</source>
        <translation>{problem}

قد يكون المعروض خاطئًا أو ناقصًا، ولن يُحفظ فيه أي تعديل.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import annotations</source>
        <translation>استيراد التوسيمات</translation>
    </message>
    <message>
        <source>Detect from the file</source>
        <translation>تُكتشف من الملف</translation>
    </message>
    <message>
        <source>the layer names in the file (native), else required</source>
        <translation>أسماء الطبقات في الملف (الصيغة الأصلية)، وإلا فالحقل مطلوب</translation>
    </message>
    <message>
        <source>File</source>
        <translation>الملف</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>الصيغة</translation>
    </message>
    <message>
        <source>Into layer</source>
        <translation>إلى الطبقة</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>استيراد</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Hashiya — {project}</source>
        <translation>حاشية — {project}</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>لم يُنفَّذ</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>التوسيمات</translation>
    </message>
    <message>
        <source>Annotator: {name}</source>
        <translation>المُوسِّم: {name}</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <source>&amp;Import Texts…</source>
        <translation>ا&amp;ستيراد نصوص…</translation>
    </message>
    <message>
        <source>Import &amp;Annotations…</source>
        <translation>استيراد ت&amp;وسيمات…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;تصدير…</translation>
    </message>
    <message>
        <source>Save a &amp;Copy…</source>
        <translation>حفظ &amp;نسخة…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;خروج</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;تحرير</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;تراجع</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>إ&amp;عادة</translation>
    </message>
    <message>
        <source>&amp;Delete Span</source>
        <translation>&amp;حذف المقطع</translation>
    </message>
    <message>
        <source>Resize Span to &amp;Selection</source>
        <translation>&amp;ضبط المقطع على التحديد</translation>
    </message>
    <message>
        <source>E&amp;xtend Span by a Word</source>
        <translation>مدّ المقطع ب&amp;كلمة</translation>
    </message>
    <message>
        <source>S&amp;hrink Span by a Word</source>
        <translation>ت&amp;قليص المقطع بكلمة</translation>
    </message>
    <message>
        <source>&amp;Link to Registry…</source>
        <translation>&amp;ربط بالسجل…</translation>
    </message>
    <message>
        <source>Edit &amp;Note</source>
        <translation>تحرير ال&amp;ملاحظة</translation>
    </message>
    <message>
        <source>Edit &amp;Attributes</source>
        <translation>تحرير ال&amp;سمات</translation>
    </message>
    <message>
        <source>&amp;Annotate</source>
        <translation>ت&amp;وسيم</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>الوسوم</translation>
    </message>
    <message>
        <source>&amp;Labels</source>
        <translation>ال&amp;وسوم</translation>
    </message>
    <message>
        <source>Edit &amp;Schema…</source>
        <translation>تحرير م&amp;خطط التوسيم…</translation>
    </message>
    <message>
        <source>&amp;Snap Selections To</source>
        <translation>م&amp;حاذاة التحديد إلى</translation>
    </message>
    <message>
        <source>Next Snapping Mode</source>
        <translation>نمط المحاذاة التالي</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>التفضي&amp;لات…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <source>Corpus &amp;Overview…</source>
        <translation>&amp;نظرة عامة على المدوّنة…</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>ت&amp;كبير</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>ت&amp;صغير</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>الح&amp;جم الفعلي</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>ا&amp;نتقال</translation>
    </message>
    <message>
        <source>&amp;Next Document</source>
        <translation>المستند ال&amp;تالي</translation>
    </message>
    <message>
        <source>&amp;Previous Document</source>
        <translation>المستند ال&amp;سابق</translation>
    </message>
    <message>
        <source>Next &amp;Unannotated Document</source>
        <translation>المستند التالي &amp;غير الموسوم</translation>
    </message>
    <message>
        <source>Mark Document New</source>
        <translation>تعيين حالة المستند: جديد</translation>
    </message>
    <message>
        <source>Mark Document In Progress</source>
        <translation>تعيين حالة المستند: قيد العمل</translation>
    </message>
    <message>
        <source>Mark Document Done</source>
        <translation>تعيين حالة المستند: منجز</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>م&amp;ساعدة</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>اختصارات &amp;لوحة المفاتيح</translation>
    </message>
    <message>
        <source>Status: {status}</source>
        <translation>الحالة: {status}</translation>
    </message>
    <message>
        <source>{size} pt</source>
        <translation>{size} نقطة</translation>
    </message>
    <message>
        <source>{name}: select text and press {key}</source>
        <translation>{name}: حدّد نصًّا واضغط {key}</translation>
    </message>
    <message>
        <source>{name}: select the head span and press {key}</source>
        <translation>{name}: اختر مقطع الرأس واضغط {key}</translation>
    </message>
    <message>
        <source>Schema not saved</source>
        <translation>لم يُحفظ مخطط التوسيم</translation>
    </message>
    <message>
        <source>Snap: {mode}</source>
        <translation>المحاذاة: {mode}</translation>
    </message>
    <message>
        <source>Selections snap to: {mode}</source>
        <translation>محاذاة التحديد: {mode}</translation>
    </message>
    <message>
        <source>Select a span to link first.</source>
        <translation>اختر أولًا مقطعًا لربطه.</translation>
    </message>
    <message>
        <source>Every document has been started.</source>
        <translation>بدأ العمل على كل المستندات.</translation>
    </message>
    <message>
        <source>Labels not saved</source>
        <translation>لم تُحفظ الوسوم</translation>
    </message>
    <message>
        <source>The interface language changes at the next start of Hashiya.</source>
        <translation>تتغيّر لغة الواجهة عند التشغيل التالي لحاشية.</translation>
    </message>
    <message>
        <source>Document not shown</source>
        <translation>لم يُعرض المستند</translation>
    </message>
</context>
<context>
    <name>NameOnlyIconProvider</name>
    <message>
        <source>Folder</source>
        <translation>مجلد</translation>
    </message>
    <message>
        <source>File</source>
        <translation>ملف</translation>
    </message>
    <message>
        <source>%1 file</source>
        <translation>ملف %1</translation>
    </message>
</context>
<context>
    <name>OverviewDialog</name>
    <message>
        <source>Corpus overview</source>
        <translation>نظرة عامة على المدوّنة</translation>
    </message>
    <message>
        <source>Filter by title, annotator, status or label</source>
        <translation>تصفية حسب العنوان أو المُوسِّم أو الحالة أو الوسم</translation>
    </message>
    <message>
        <source>{annotator}: {done}/{documents} done</source>
        <translation>{annotator}: أُنجز {done} من {documents}</translation>
    </message>
</context>
<context>
    <name>OverviewModel</name>
    <message>
        <source>Document</source>
        <translation>المستند</translation>
    </message>
    <message>
        <source>Annotator</source>
        <translation>المُوسِّم</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>Entities</source>
        <translation>الكيانات</translation>
    </message>
    <message>
        <source>Claims</source>
        <translation>الادعاءات</translation>
    </message>
    <message>
        <source>Treaty refs</source>
        <translation>إشارات المعاهدات</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>الوسوم</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>التقدّم</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>التفضيلات</translation>
    </message>
    <message>
        <source>General</source>
        <translation>عام</translation>
    </message>
    <message>
        <source>Labels and keys</source>
        <translation>الوسوم والمفاتيح</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> نقطة</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>لغة النظام</translation>
    </message>
    <message>
        <source>Show suggestions in the text</source>
        <translation>إظهار الاقتراحات في النص</translation>
    </message>
    <message>
        <source>Your name (your layer)</source>
        <translation>اسمك (طبقتك)</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>لغة الواجهة</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>حجم النص</translation>
    </message>
    <message>
        <source>Selections snap to</source>
        <translation>محاذاة التحديد</translation>
    </message>
    <message>
        <source>Colour of {label}</source>
        <translation>لون {label}</translation>
    </message>
</context>
<context>
    <name>ProjectMenu</name>
    <message>
        <source>&amp;New Project…</source>
        <translation>مشروع &amp;جديد…</translation>
    </message>
    <message>
        <source>&amp;Open Project…</source>
        <translation>&amp;فتح مشروع…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>المشاريع ال&amp;أخيرة</translation>
    </message>
    <message>
        <source>New project</source>
        <translation>مشروع جديد</translation>
    </message>
    <message>
        <source>Hashiya projects (*.hashiya)</source>
        <translation>مشاريع حاشية (*.hashiya)</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>فتح مشروع</translation>
    </message>
    <message>
        <source>Hashiya projects (*.hashiya);;All files (*)</source>
        <translation>مشاريع حاشية (*.hashiya);;كل الملفات (*)</translation>
    </message>
</context>
<context>
    <name>Refusals</name>
    <message>
        <source>Not saved: another window or program changed or deleted this first. Its change is shown in a moment; then make your edit again if it is still needed.</source>
        <translation>لم يُحفظ: نافذة أو برنامج آخر غيّر هذا أو حذفه أولًا. سيظهر تغييره بعد لحظة؛ ثم أعد تعديلك إن بقيت حاجة إليه.</translation>
    </message>
</context>
<context>
    <name>RegistryPicker</name>
    <message>
        <source>treaty</source>
        <translation>معاهدة</translation>
    </message>
    <message>
        <source>Link to the registry</source>
        <translation>الربط بالسجل</translation>
    </message>
    <message>
        <source>Search names and aliases</source>
        <translation>ابحث في الأسماء والأسماء البديلة</translation>
    </message>
    <message>
        <source>New Entity…</source>
        <translation>كيان جديد…</translation>
    </message>
    <message>
        <source>New Treaty…</source>
        <translation>معاهدة جديدة…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>تحرير…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <source>English name</source>
        <translation>الاسم الإنجليزي</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>النوع</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>لم يُحفظ</translation>
    </message>
</context>
<context>
    <name>RelationArcsFeature</name>
    <message>
        <source>“{head}” — {relation} → “{tail}”</source>
        <translation>«{head}» — {relation} ← «{tail}»</translation>
    </message>
    <message>
        <source>Relation &amp;Arcs</source>
        <translation>أ&amp;قواس العلاقات</translation>
    </message>
    <message>
        <source>Delete removes it; Esc lets it go.</source>
        <translation>يحذفها مفتاح Delete، ويلغي Esc تحديدها.</translation>
    </message>
</context>
<context>
    <name>ReviewInstaller</name>
    <message>
        <source>&amp;Review…</source>
        <translation>م&amp;راجعة…</translation>
    </message>
    <message>
        <source>Re&amp;view</source>
        <translation>مرا&amp;جعة</translation>
    </message>
</context>
<context>
    <name>ReviewWindow</name>
    <message>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>A label</source>
        <translation>وسم أ</translation>
    </message>
    <message>
        <source>A text</source>
        <translation>نص أ</translation>
    </message>
    <message>
        <source>B label</source>
        <translation>وسم ب</translation>
    </message>
    <message>
        <source>B text</source>
        <translation>نص ب</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>القرار</translation>
    </message>
    <message>
        <source>{where}: {attribute} A={a} B={b}</source>
        <translation>{where}: {attribute} أ={a} ب={b}</translation>
    </message>
    <message>
        <source>{where}: registry link A={a} B={b}</source>
        <translation>{where}: الربط بالسجل أ={a} ب={b}</translation>
    </message>
    <message>
        <source>relation {labels} ({status}): {head} → {tail}</source>
        <translation>العلاقة {labels} ({status}): {head} ← {tail}</translation>
    </message>
    <message>
        <source>Hashiya — Review</source>
        <translation>حاشية — المراجعة</translation>
    </message>
    <message>
        <source>Document:</source>
        <translation>المستند:</translation>
    </message>
    <message>
        <source>Layer A:</source>
        <translation>الطبقة أ:</translation>
    </message>
    <message>
        <source>Layer B:</source>
        <translation>الطبقة ب:</translation>
    </message>
    <message>
        <source>Relation and attribute differences:</source>
        <translation>الاختلافات في العلاقات والسمات:</translation>
    </message>
    <message>
        <source>&amp;Compare</source>
        <translation>ال&amp;مقارنة</translation>
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <translation>&amp;لوحة المؤشرات</translation>
    </message>
    <message>
        <source>&amp;Next Disagreement</source>
        <translation>الخلاف ال&amp;تالي</translation>
    </message>
    <message>
        <source>&amp;Previous Disagreement</source>
        <translation>الخلاف ال&amp;سابق</translation>
    </message>
    <message>
        <source>Accept &amp;A</source>
        <translation>قبول &amp;أ</translation>
    </message>
    <message>
        <source>Accept &amp;B</source>
        <translation>قبول &amp;ب</translation>
    </message>
    <message>
        <source>&amp;Reject</source>
        <translation>&amp;رفض</translation>
    </message>
    <message>
        <source>Accept and &amp;Edit</source>
        <translation>قبول مع ت&amp;عديل</translation>
    </message>
    <message>
        <source>Accept All &amp;Full Agreements</source>
        <translation>قبول كل ال&amp;اتفاقات التامة</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>إ&amp;غلاق</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;تراجع</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>إ&amp;عادة</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;تحرير</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>م&amp;راجعة</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(بلا طبقة)</translation>
    </message>
    <message numerus="yes">
        <source>%n span(s)</source>
        <translation>
            <numerusform>%n مقطع</numerusform>
            <numerusform>مقطع واحد</numerusform>
            <numerusform>مقطعان</numerusform>
            <numerusform>%n مقاطع</numerusform>
            <numerusform>%n مقطعًا</numerusform>
            <numerusform>%n مقطع</numerusform>
        </translation>
    </message>
    <message>
        <source>{layer}: {spans}</source>
        <translation>{layer}: {spans}</translation>
    </message>
    <message>
        <source>{status} (attributes)</source>
        <translation>{status} (مع اختلاف في السمات)</translation>
    </message>
    <message>
        <source>{count} {status}</source>
        <translation>{count} {status}</translation>
    </message>
    <message>
        <source>, </source>
        <translation>، </translation>
    </message>
    <message numerus="yes">
        <source>%n unit(s): {parts}; {decided} decided; gold {status}</source>
        <translation>
            <numerusform>لا وحدات: {parts}؛ حُسم منها {decided}؛ الطبقة المرجعية: {status}</numerusform>
            <numerusform>وحدة واحدة: {parts}؛ حُسم منها {decided}؛ الطبقة المرجعية: {status}</numerusform>
            <numerusform>وحدتان: {parts}؛ حُسم منهما {decided}؛ الطبقة المرجعية: {status}</numerusform>
            <numerusform>%n وحدات: {parts}؛ حُسم منها {decided}؛ الطبقة المرجعية: {status}</numerusform>
            <numerusform>%n وحدة: {parts}؛ حُسم منها {decided}؛ الطبقة المرجعية: {status}</numerusform>
            <numerusform>%n وحدة: {parts}؛ حُسم منها {decided}؛ الطبقة المرجعية: {status}</numerusform>
        </translation>
    </message>
    <message>
        <source>The two layers agree fully on every unit.</source>
        <translation>تتفق الطبقتان اتفاقًا تامًّا في كل الوحدات.</translation>
    </message>
    <message>
        <source>Choose a unit first: N goes to the next disagreement.</source>
        <translation>اختر وحدة أولًا: N ينتقل إلى الخلاف التالي.</translation>
    </message>
    <message>
        <source>There is no undecided full agreement.</source>
        <translation>لا يوجد اتفاق تام لم يُحسم بعد.</translation>
    </message>
    <message numerus="yes">
        <source>Accept %n full agreement(s)</source>
        <translation>
            <numerusform>قبول %n اتفاق تام</numerusform>
            <numerusform>قبول اتفاق تام واحد</numerusform>
            <numerusform>قبول اتفاقين تامّين</numerusform>
            <numerusform>قبول %n اتفاقات تامة</numerusform>
            <numerusform>قبول %n اتفاقًا تامًّا</numerusform>
            <numerusform>قبول %n اتفاق تام</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n full agreement(s) copied into gold.</source>
        <translation>
            <numerusform>لم يُنسخ أي اتفاق تام إلى الطبقة المرجعية.</numerusform>
            <numerusform>نُسخ اتفاق تام واحد إلى الطبقة المرجعية.</numerusform>
            <numerusform>نُسخ اتفاقان تامّان إلى الطبقة المرجعية.</numerusform>
            <numerusform>نُسخت %n اتفاقات تامة إلى الطبقة المرجعية.</numerusform>
            <numerusform>نُسخ %n اتفاقًا تامًّا إلى الطبقة المرجعية.</numerusform>
            <numerusform>نُسخ %n اتفاق تام إلى الطبقة المرجعية.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>لم يُنفَّذ</translation>
    </message>
    <message>
        <source>Every unit is decided: gold is marked reviewed.</source>
        <translation>حُسمت كل الوحدات: عُلِّمت الطبقة المرجعية بأنها مُراجَعة.</translation>
    </message>
    <message>
        <source>Editing the gold copy: a label&apos;s key relabels it, ] / [ extend or shrink it by a word, = resizes it to the text selected in a pane; Enter or Esc when done.</source>
        <translation>تحرير النسخة المرجعية: مفتاح الوسم يغيّر وسمها، و] / [ يمدّانها أو يقلّصانها بكلمة، و= يضبطها على النص المحدد في إحدى اللوحتين؛ Enter أو Esc عند الانتهاء.</translation>
    </message>
    <message>
        <source>Select the new extent in a pane (Shift+arrows), then press =.</source>
        <translation>حدّد الامتداد الجديد في إحدى اللوحتين (Shift مع الأسهم)، ثم اضغط =.</translation>
    </message>
</context>
<context>
    <name>Said</name>
    <message>
        <source>agreement needs at least two annotator layers, such as --annotators amal,bilal</source>
        <translation>يحتاج حساب الاتفاق إلى طبقتين لموسِّمَين على الأقل، مثل ‎--annotators amal,bilal</translation>
    </message>
    <message>
        <source>each annotator layer may be named only once</source>
        <translation>لا تُذكر طبقة الموسِّم إلا مرة واحدة</translation>
    </message>
    <message>
        <source>there is no layer {name} in this project (layers: {layers})</source>
        <translation>لا توجد طبقة {name} في هذا المشروع (الطبقات: {layers})</translation>
    </message>
    <message>
        <source>none of the layers {layers} has a span yet: there is nothing to compare</source>
        <translation>لا مقاطع بعدُ في أيٍّ من الطبقات {layers}: لا شيء للمقارنة</translation>
    </message>
    <message>
        <source>{place}: the stored schema is damaged ({error}).</source>
        <translation>{place}: مخطط التوسيم المحفوظ تالف ({error}).</translation>
    </message>
    <message>
        <source>{place}: the stored registry is damaged ({error}).</source>
        <translation>{place}: السجل المرجعي المحفوظ تالف ({error}).</translation>
    </message>
    <message>
        <source>{path} is this project&apos;s own file; it is not read or written except as the open project.</source>
        <translation>{path} هو ملف هذا المشروع نفسه؛ لا يُقرأ ولا يُكتب إلا بوصفه المشروع المفتوح.</translation>
    </message>
    <message>
        <source>the registry has no entry {ref}</source>
        <translation>لا مدخل {ref} في السجل المرجعي</translation>
    </message>
    <message>
        <source>a span cannot be related to itself</source>
        <translation>لا يمكن ربط مقطع بنفسه</translation>
    </message>
    <message>
        <source>{tail} is already the {label} of {head}</source>
        <translation>{tail} هو {label} لـ{head} من قبل</translation>
    </message>
    <message>
        <source>the schema has no label {label}</source>
        <translation>لا وسم {label} في مخطط التوسيم</translation>
    </message>
    <message>
        <source>the span {span} of {annotator} says it covers {text}, but the text at {start}-{end} of document {document} is {found}</source>
        <translation>المقطع {span} من طبقة {annotator} يذكر أنه يغطي {text}، لكن النص في الموضع {start}-{end} من المستند {document} هو {found}</translation>
    </message>
    <message>
        <source>no document is open</source>
        <translation>لا مستند مفتوح</translation>
    </message>
    <message>
        <source>{problem} The project was opened again from its file: make the change once more.</source>
        <translation>{problem} أُعيد فتح المشروع من ملفه: أجرِ التغيير مرة أخرى.</translation>
    </message>
    <message>
        <source>Nothing was saved</source>
        <translation>لم يُحفظ شيء</translation>
    </message>
    <message>
        <source>It was left alone</source>
        <translation>تُرك كما هو</translation>
    </message>
    <message>
        <source>{problem} {outcome}.</source>
        <translation>{problem} {outcome}.</translation>
    </message>
    <message>
        <source>{path} is damaged: {problems}. {outcome}; restore it from a copy.</source>
        <translation>{path} تالف: {problems}. {outcome}؛ استعده من نسخة.</translation>
    </message>
    <message>
        <source>{path} is an SQLite database but not a Hashiya project; it was left alone.</source>
        <translation>{path} قاعدة بيانات SQLite وليس مشروع حاشية؛ تُرك كما هو.</translation>
    </message>
    <message>
        <source>{path} was written by a newer version of Hashiya (project version {version}, this program knows up to {known}). Update Hashiya to open it.</source>
        <translation>كُتب {path} بإصدار أحدث من حاشية (إصدار المشروع {version}، وهذا البرنامج يعرف حتى {known}). حدِّث حاشية لتفتحه.</translation>
    </message>
    <message>
        <source>{path} is damaged: {problems}. It was left alone; restore it from a copy.</source>
        <translation>{path} تالف: {problems}. تُرك كما هو؛ استعده من نسخة.</translation>
    </message>
    <message>
        <source>{path} is kept busy by another program; try again in a moment.</source>
        <translation>برنامج آخر يشغل {path}؛ أعد المحاولة بعد لحظة.</translation>
    </message>
    <message>
        <source>{path} is not a Hashiya project (it is not an SQLite database).</source>
        <translation>{path} ليس مشروع حاشية (ليس قاعدة بيانات SQLite).</translation>
    </message>
    <message>
        <source>{path} is damaged and cannot be read ({error}).</source>
        <translation>{path} تالف ولا يمكن قراءته ({error}).</translation>
    </message>
    <message>
        <source>{path} cannot be opened ({error}).</source>
        <translation>تعذّر فتح {path} ({error}).</translation>
    </message>
    <message>
        <source>{path} cannot be created ({error}).</source>
        <translation>تعذّر إنشاء {path} ({error}).</translation>
    </message>
    <message>
        <source>{path} needs upgrading, but another program has it open. Close it there and open it again.</source>
        <translation>{path} يحتاج إلى ترقية، لكن برنامجًا آخر يفتحه. أغلقه هناك ثم افتحه من جديد.</translation>
    </message>
    <message>
        <source>{path} could not be upgraded ({error}); it was not changed.</source>
        <translation>تعذّرت ترقية {path} ({error})؛ ولم يُغيَّر.</translation>
    </message>
    <message>
        <source>{path} needs upgrading, but the copy taken first could not be written ({error}); nothing was changed.</source>
        <translation>{path} يحتاج إلى ترقية، لكن تعذّرت كتابة النسخة التي تُؤخذ قبلها ({error})؛ ولم يُغيَّر شيء.</translation>
    </message>
    <message>
        <source>{path} could not be upgraded ({error}), and putting it back failed ({restore_error}). It will be put back from {marker} the next time it is opened.</source>
        <translation>تعذّرت ترقية {path} ({error})، وفشلت إعادته كما كان ({restore_error}). سيُعاد من {marker} في المرة القادمة التي يُفتح فيها.</translation>
    </message>
    <message>
        <source>{path} could not be upgraded ({error}); it was put back as it was. A copy is kept in {backup}.</source>
        <translation>تعذّرت ترقية {path} ({error})؛ فأُعيد كما كان. وحُفظت نسخة منه في {backup}.</translation>
    </message>
    <message>
        <source>cannot create the folder {folder} ({error}).</source>
        <translation>تعذّر إنشاء المجلد {folder} ({error}).</translation>
    </message>
    <message>
        <source>{path} cannot be opened: {error}.</source>
        <translation>تعذّر فتح {path}: {error}.</translation>
    </message>
    <message>
        <source>{path} is read-only; Hashiya needs to save every edit into it.</source>
        <translation>{path} للقراءة فقط؛ وتحتاج حاشية إلى حفظ كل تعديل فيه.</translation>
    </message>
    <message>
        <source>The disk holding {path} is full, so this change was not saved. Free some space and try again; everything saved before is safe.</source>
        <translation>القرص الذي يحمل {path} ممتلئ، فلم يُحفظ هذا التغيير. أفرغ بعض المساحة وأعد المحاولة؛ كل ما حُفظ من قبل سليم.</translation>
    </message>
    <message>
        <source>{path} cannot be written (the file, its folder or the disk is read-only), so this change was not saved.</source>
        <translation>تتعذّر الكتابة في {path} (الملف أو مجلده أو القرص للقراءة فقط)، فلم يُحفظ هذا التغيير.</translation>
    </message>
    <message>
        <source>Another program kept {path} busy for too long, so this change was not saved. Try again in a moment.</source>
        <translation>شغل برنامج آخر {path} وقتًا طويلًا، فلم يُحفظ هذا التغيير. أعد المحاولة بعد لحظة.</translation>
    </message>
    <message>
        <source>The disk reported an error while writing {path} ({error}), so this change was not saved.</source>
        <translation>أبلغ القرص عن خطأ أثناء الكتابة في {path} ({error})، فلم يُحفظ هذا التغيير.</translation>
    </message>
    <message>
        <source>{path} is damaged ({error}), so this change was not saved. Restore the project from a backup.</source>
        <translation>{path} تالف ({error})، فلم يُحفظ هذا التغيير. استعد المشروع من نسخة احتياطية.</translation>
    </message>
    <message>
        <source>{path} can no longer be opened (was it moved or deleted?), so this change was not saved.</source>
        <translation>لم يعد ممكنًا فتح {path} (هل نُقل أو حُذف؟)، فلم يُحفظ هذا التغيير.</translation>
    </message>
    <message>
        <source>{path} could not be written ({error}), so this change was not saved.</source>
        <translation>تعذّرت الكتابة في {path} ({error})، فلم يُحفظ هذا التغيير.</translation>
    </message>
    <message>
        <source>The folder holding {path} was deleted, moved or replaced while the project was open, so this change was not saved. Save a copy of the project (File &gt; Save a Copy) to keep what is still open here.</source>
        <translation>حُذف المجلد الذي يحوي {path} أو نُقل أو استُبدل والمشروع مفتوح، فلم يُحفظ هذا التغيير. احفظ نسخة من المشروع (ملف &gt; حفظ نسخة) لتحتفظ بما لا يزال مفتوحًا هنا.</translation>
    </message>
    <message>
        <source>{path} was deleted, moved or replaced by another program while it was open here, so this change was not saved. Save a copy of the project (File &gt; Save a Copy) to keep what is still open here.</source>
        <translation>حذف برنامج آخر {path} أو نقله أو استبدله وهو مفتوح هنا، فلم يُحفظ هذا التغيير. احفظ نسخة من المشروع (ملف &gt; حفظ نسخة) لتحتفظ بما لا يزال مفتوحًا هنا.</translation>
    </message>
    <message>
        <source>In {folder}, the log beside it ({log}) was deleted or replaced by another program, so this change was not saved.</source>
        <translation>في {folder}، حذف برنامج آخر ملف اليومية المجاور للمشروع ({log}) أو استبدله، فلم يُحفظ هذا التغيير.</translation>
    </message>
    <message>
        <source>This program no longer holds its lock on {path} (something in it opened the file another way), and the log beside it ({log}) was deleted or replaced by another program, so this change was not saved.</source>
        <translation>لم يعد هذا البرنامج يمسك قفله على {path} (فتح شيءٌ فيه الملف بطريقة أخرى)، وحذف برنامج آخر ملف اليومية المجاور له ({log}) أو استبدله، فلم يُحفظ هذا التغيير.</translation>
    </message>
    <message>
        <source>This program no longer holds its lock on {path} (something in it opened the file another way), so this change was not saved.</source>
        <translation>لم يعد هذا البرنامج يمسك قفله على {path} (فتح شيءٌ فيه الملف بطريقة أخرى)، فلم يُحفظ هذا التغيير.</translation>
    </message>
    <message>
        <source>the project cannot be searched right now ({error}).</source>
        <translation>يتعذّر البحث في المشروع الآن ({error}).</translation>
    </message>
    <message>
        <source>there is no document {document_id} in this project</source>
        <translation>لا يوجد المستند {document_id} في هذا المشروع</translation>
    </message>
    <message>
        <source>{path} was created by another program meanwhile; nothing was imported.</source>
        <translation>أنشأ برنامج آخر {path} في أثناء ذلك؛ ولم يُستورد شيء.</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>القرص ممتلئ</translation>
    </message>
    <message>
        <source>its folder or the disk is read-only</source>
        <translation>مجلده أو القرص للقراءة فقط</translation>
    </message>
    <message>
        <source>the disk reported an error: {error}</source>
        <translation>أبلغ القرص عن خطأ: {error}</translation>
    </message>
    <message>
        <source>{path} was not created ({why}); nothing was imported.</source>
        <translation>لم يُنشأ {path} ({why})؛ ولم يُستورد شيء.</translation>
    </message>
    <message>
        <source>the team server at {url} does not let this user in ({error}).</source>
        <translation>لا يسمح خادم الفريق في {url} بدخول هذا المستخدم ({error}).</translation>
    </message>
    <message>
        <source>the team project {url} was not given to this user ({error}).</source>
        <translation>لم يُمنح هذا المستخدم مشروع الفريق {url} ({error}).</translation>
    </message>
    <message>
        <source>the team server at {url} cannot be reached ({error}).</source>
        <translation>يتعذّر الوصول إلى خادم الفريق في {url} ({error}).</translation>
    </message>
    <message>
        <source>{url} is not a Hashiya team project yet: create it with `hashiya init-team URL`.</source>
        <translation>{url} ليس مشروع فريق لحاشية بعدُ: أنشئه بالأمر `hashiya init-team URL`.</translation>
    </message>
    <message>
        <source>the team project {url} was not given to {user}.</source>
        <translation>لم يُمنح {user} مشروع الفريق {url}.</translation>
    </message>
    <message>
        <source>the team server refused this change for {user}: an annotator writes only their own layer, and gold, the schema, the registry and documents already there are written by reviewers ({error}).</source>
        <translation>رفض خادم الفريق هذا التغيير من {user}: يكتب الموسِّم في طبقته وحدها، أما الطبقة المرجعية ومخطط التوسيم والسجل المرجعي والمستندات الموجودة فيكتبها المراجعون ({error}).</translation>
    </message>
    <message>
        <source>the connection to the team server {url} was lost, so this change was not saved ({error}). Hashiya connects again at the next step.</source>
        <translation>انقطع الاتصال بخادم الفريق {url}، فلم يُحفظ هذا التغيير ({error}). تتصل حاشية من جديد في الخطوة التالية.</translation>
    </message>
    <message>
        <source>the connection to the team server {url} was lost, so it could not be read ({error}). Hashiya connects again at the next step.</source>
        <translation>انقطع الاتصال بخادم الفريق {url}، فتعذّرت القراءة ({error}). تتصل حاشية من جديد في الخطوة التالية.</translation>
    </message>
    <message>
        <source>the team server could not answer ({error}).</source>
        <translation>تعذّر على خادم الفريق الرد ({error}).</translation>
    </message>
    <message>
        <source>{user} may not read this team project ({error}).</source>
        <translation>لا يحق لـ{user} قراءة مشروع الفريق هذا ({error}).</translation>
    </message>
    <message>
        <source>the connection to the team server was lost ({error}); Hashiya is connecting again, and edits are not saved until it is back.</source>
        <translation>انقطع الاتصال بخادم الفريق ({error})؛ تتصل حاشية من جديد، ولا تُحفظ التعديلات حتى يعود.</translation>
    </message>
    <message>
        <source>there is no document {document_id} in {place}</source>
        <translation>لا يوجد المستند {document_id} في {place}</translation>
    </message>
    <message>
        <source>the edit no longer fits the project ({error})</source>
        <translation>لم يعد التعديل يتوافق مع المشروع ({error})</translation>
    </message>
    <message>
        <source>the {label} span {text} was changed or deleted elsewhere</source>
        <translation>غُيِّر المقطع {text} ({label}) أو حُذف في مكان آخر</translation>
    </message>
    <message>
        <source>the {label} relation was deleted elsewhere</source>
        <translation>حُذفت العلاقة {label} في مكان آخر</translation>
    </message>
    <message>
        <source>{place} is kept on its server, which keeps its own backups; to have it in one file, pull it into a new local project: hashiya pull --from URL --db {target}</source>
        <translation>{place} محفوظ على خادمه، وهو يحتفظ بنسخه الاحتياطية؛ لتحصل عليه في ملف واحد، اجلبه إلى مشروع محلي جديد: hashiya pull --from URL --db {target}</translation>
    </message>
    <message>
        <source>the import does not fit the project ({error}); nothing was imported</source>
        <translation>لا يتوافق الاستيراد مع المشروع ({error})؛ ولم يُستورد شيء</translation>
    </message>
    <message>
        <source>{path} cannot be read right now ({error}).</source>
        <translation>تتعذّر قراءة {path} الآن ({error}).</translation>
    </message>
    <message>
        <source>{target} is this project&apos;s own file; choose another name for the copy.</source>
        <translation>{target} هو ملف هذا المشروع نفسه؛ اختر اسمًا آخر للنسخة.</translation>
    </message>
    <message>
        <source>{target} is a folder; choose a file name for the copy.</source>
        <translation>{target} مجلد؛ اختر اسم ملف للنسخة.</translation>
    </message>
    <message>
        <source>{target}: the folder {parent} does not exist; nothing was written.</source>
        <translation>{target}: المجلد {parent} غير موجود؛ ولم يُكتب شيء.</translation>
    </message>
    <message>
        <source>{target}: the copy could not be written ({error}); nothing was written.</source>
        <translation>{target}: تعذّرت كتابة النسخة ({error})؛ ولم يُكتب شيء.</translation>
    </message>
    <message>
        <source>a folder</source>
        <translation>مجلد</translation>
    </message>
    <message>
        <source>a character device</source>
        <translation>جهاز محارف</translation>
    </message>
    <message>
        <source>a block device</source>
        <translation>جهاز كتل</translation>
    </message>
    <message>
        <source>a named pipe (FIFO)</source>
        <translation>أنبوب مسمّى (FIFO)</translation>
    </message>
    <message>
        <source>a socket</source>
        <translation>مقبس</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>شيء غير الملف العادي</translation>
    </message>
    <message>
        <source>{path} cannot be looked at ({error}).</source>
        <translation>يتعذّر الاطلاع على {path} ({error}).</translation>
    </message>
    <message>
        <source>{path} is a link to {target}, which does not exist; a project must be a regular file or a new name.</source>
        <translation>{path} رابط إلى {target}، وهو غير موجود؛ يجب أن يكون المشروع ملفًا عاديًا أو اسمًا جديدًا.</translation>
    </message>
    <message>
        <source>{path} is {kind} (through a link), not a project file; it was left alone.</source>
        <translation>{path} {kind} (عبر رابط)، وليس ملف مشروع؛ تُرك كما هو.</translation>
    </message>
    <message>
        <source>{path} is {kind}, not a project file; it was left alone.</source>
        <translation>{path} {kind}، وليس ملف مشروع؛ تُرك كما هو.</translation>
    </message>
    <message>
        <source>{path} is a link to an empty file; a new project is only made at a new name or in an empty regular file. It was left alone.</source>
        <translation>{path} رابط إلى ملف فارغ؛ لا يُنشأ مشروع جديد إلا باسم جديد أو في ملف عادي فارغ. تُرك كما هو.</translation>
    </message>
    <message>
        <source>there is no document {document_id} in {path}</source>
        <translation>لا يوجد المستند {document_id} في {path}</translation>
    </message>
    <message>
        <source>{url} already holds tables: init-team needs an empty database.</source>
        <translation>في {url} جداول من قبل: يحتاج init-team إلى قاعدة بيانات فارغة.</translation>
    </message>
    <message>
        <source>{user} may not create the team project&apos;s roles on {url} ({error}).</source>
        <translation>لا يحق لـ{user} إنشاء أدوار مشروع الفريق على {url} ({error}).</translation>
    </message>
    <message>
        <source>the local project does not fit the team project ({error}); nothing was imported</source>
        <translation>لا يتوافق المشروع المحلي مع مشروع الفريق ({error})؛ ولم يُستورد شيء</translation>
    </message>
    <message>
        <source>only a reviewer may push shared items, and {user} is not one</source>
        <translation>لا يدفع العناصر المشتركة إلا مراجع، و{user} ليس مراجعًا</translation>
    </message>
    <message>
        <source>{item} could not be pushed: {error}</source>
        <translation>تعذّر دفع {item}: {error}</translation>
    </message>
    <message>
        <source>another window changed the {what} {names} at the same time; nothing was saved. Open the project again to see its change, then make yours.</source>
        <translation>غيّرت نافذة أخرى {what} {names} في الوقت نفسه؛ فلم يُحفظ شيء. افتح المشروع من جديد لترى تغييرها، ثم أجرِ تغييرك.</translation>
    </message>
    <message>
        <source>another window changed the {what} at the same time; nothing was saved.</source>
        <translation>غيّرت نافذة أخرى {what} في الوقت نفسه؛ فلم يُحفظ شيء.</translation>
    </message>
    <message>
        <source>schema version</source>
        <translation>إصدار مخطط التوسيم</translation>
    </message>
    <message>
        <source>schema name</source>
        <translation>اسم مخطط التوسيم</translation>
    </message>
    <message>
        <source>label(s)</source>
        <translation>الوسوم</translation>
    </message>
    <message>
        <source>relation(s)</source>
        <translation>العلاقات</translation>
    </message>
    <message>
        <source>registry version</source>
        <translation>إصدار السجل المرجعي</translation>
    </message>
    <message>
        <source>registry entity(ies)</source>
        <translation>كيانات السجل المرجعي</translation>
    </message>
    <message>
        <source>treaty(ies)</source>
        <translation>المعاهدات</translation>
    </message>
    <message>
        <source>layer A has no span in this unit to accept</source>
        <translation>لا مقطع للطبقة أ في هذه الوحدة لقبوله</translation>
    </message>
    <message>
        <source>layer B has no span in this unit to accept</source>
        <translation>لا مقطع للطبقة ب في هذه الوحدة لقبوله</translation>
    </message>
    <message>
        <source>decisions go into gold: compare two layers other than gold</source>
        <translation>تذهب القرارات إلى الطبقة المرجعية: قارن طبقتين غير الطبقة المرجعية</translation>
    </message>
</context>
<context>
    <name>SaveCopy</name>
    <message>
        <source>Save a Copy of the Project</source>
        <translation>حفظ نسخة من المشروع</translation>
    </message>
    <message>
        <source>Hashiya project (*.hashiya)</source>
        <translation>مشروع حاشية (*.hashiya)</translation>
    </message>
    <message>
        <source>No copy was saved</source>
        <translation>لم تُحفظ أي نسخة</translation>
    </message>
    <message>
        <source>Copy saved</source>
        <translation>حُفظت النسخة</translation>
    </message>
    <message>
        <source>The whole project was saved as one file: %1</source>
        <translation>حُفظ المشروع كله في ملف واحد: %1</translation>
    </message>
</context>
<context>
    <name>SchemaEditor</name>
    <message>
        <source>Annotation schema</source>
        <translation>مخطط التوسيم</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>النوع</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>اللون</translation>
    </message>
    <message>
        <source>Hotkey</source>
        <translation>مفتاح الاختصار</translation>
    </message>
    <message>
        <source>English name</source>
        <translation>الاسم الإنجليزي</translation>
    </message>
    <message>
        <source>Arabic name</source>
        <translation>الاسم العربي</translation>
    </message>
    <message>
        <source>Add Label…</source>
        <translation>إضافة وسم…</translation>
    </message>
    <message>
        <source>{attribute} values</source>
        <translation>قيم {attribute}</translation>
    </message>
    <message>
        <source>Colour of {label}</source>
        <translation>لون {label}</translation>
    </message>
    <message>
        <source>New label</source>
        <translation>وسم جديد</translation>
    </message>
    <message>
        <source>Name (capital letters, digits and _):</source>
        <translation>الاسم (حروف لاتينية كبيرة وأرقام و_):</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>النوع:</translation>
    </message>
</context>
<context>
    <name>SearchFeature</name>
    <message>
        <source>Search</source>
        <translation>البحث</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;بحث</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;بحث…</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>النتيجة ال&amp;تالية</translation>
    </message>
    <message>
        <source>Find &amp;Previous</source>
        <translation>النتيجة ال&amp;سابقة</translation>
    </message>
    <message>
        <source>&amp;Annotate All Occurrences…</source>
        <translation>توسيم &amp;كل المواضع…</translation>
    </message>
    <message>
        <source>&amp;Show Suggestions</source>
        <translation>إظهار الا&amp;قتراحات</translation>
    </message>
    <message>
        <source>Next Suggestion</source>
        <translation>الاقتراح التالي</translation>
    </message>
    <message>
        <source>Previous Suggestion</source>
        <translation>الاقتراح السابق</translation>
    </message>
    <message>
        <source>A&amp;ccept Suggestion</source>
        <translation>قبو&amp;ل الاقتراح</translation>
    </message>
    <message>
        <source>&amp;Reject Suggestion</source>
        <translation>&amp;رفض الاقتراح</translation>
    </message>
    <message>
        <source>Hit not shown</source>
        <translation>تعذّر عرض النتيجة</translation>
    </message>
    <message>
        <source>Hit {number} of {count}</source>
        <translation>النتيجة {number} من {count}</translation>
    </message>
    <message>
        <source>No hits.</source>
        <translation>لا نتائج.</translation>
    </message>
    <message>
        <source>Press Ctrl+F to search.</source>
        <translation>اضغط Ctrl+F للبحث.</translation>
    </message>
    <message>
        <source>Select a span first.</source>
        <translation>اختر مقطعًا أولًا.</translation>
    </message>
    <message>
        <source>Search for the text to annotate first.</source>
        <translation>ابحث أولًا عن النص المراد توسيمه.</translation>
    </message>
    <message>
        <source>No occurrences found.</source>
        <translation>لم يُعثر على أي موضع.</translation>
    </message>
    <message>
        <source>Every occurrence is already tagged.</source>
        <translation>كل المواضع موسومة من قبل.</translation>
    </message>
    <message numerus="yes">
        <source>Annotate %n occurrence(s) as {label}</source>
        <translation>
            <numerusform>توسيم %n موضع بالوسم {label}</numerusform>
            <numerusform>توسيم موضع واحد بالوسم {label}</numerusform>
            <numerusform>توسيم موضعين بالوسم {label}</numerusform>
            <numerusform>توسيم %n مواضع بالوسم {label}</numerusform>
            <numerusform>توسيم %n موضعًا بالوسم {label}</numerusform>
            <numerusform>توسيم %n موضع بالوسم {label}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Annotated %n occurrence(s) as {label}.</source>
        <translation>
            <numerusform>لم يُوسَم أي موضع بالوسم {label}.</numerusform>
            <numerusform>وُسِم موضع واحد بالوسم {label}.</numerusform>
            <numerusform>وُسِم موضعان بالوسم {label}.</numerusform>
            <numerusform>وُسِمت %n مواضع بالوسم {label}.</numerusform>
            <numerusform>وُسِم %n موضعًا بالوسم {label}.</numerusform>
            <numerusform>وُسِم %n موضع بالوسم {label}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{done} %n already tagged.</source>
        <translation>
            <numerusform>{done} ولا موضع موسوم من قبل.</numerusform>
            <numerusform>{done} وموضع واحد موسوم من قبل.</numerusform>
            <numerusform>{done} وموضعان موسومان من قبل.</numerusform>
            <numerusform>{done} و%n مواضع موسومة من قبل.</numerusform>
            <numerusform>{done} و%n موضعًا موسومًا من قبل.</numerusform>
            <numerusform>{done} و%n موضع موسوم من قبل.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Search: {equivalences}, diacritics and tatweel ignored</source>
        <translation>بحث: {equivalences}، مع تجاهل التشكيل والتطويل</translation>
    </message>
    <message>
        <source>Whole words, also after {proclitics}</source>
        <translation>كلمات كاملة، ولو بعد {proclitics}</translation>
    </message>
    <message>
        <source>Short names too</source>
        <translation>والأسماء المختصرة أيضا</translation>
    </message>
    <message>
        <source>A registry name also finds its entry&apos;s short names ({example}), not inside other names</source>
        <translation>يجد اسم السجل أيضا أسماءه المختصرة ({example})، لا داخل أسماء أخرى</translation>
    </message>
    <message>
        <source>Annotate All…</source>
        <translation>توسيم الكل…</translation>
    </message>
    <message>
        <source>Hit in context</source>
        <translation>النتيجة في سياقها</translation>
    </message>
    <message>
        <source>Hits</source>
        <translation>النتائج</translation>
    </message>
    <message>
        <source>No hits.</source>
        <translation>لا نتائج.</translation>
    </message>
    <message numerus="yes">
        <source>%n hit(s) in {documents}</source>
        <translation>
            <numerusform>%n نتيجة في {documents}</numerusform>
            <numerusform>نتيجة واحدة في {documents}</numerusform>
            <numerusform>نتيجتان في {documents}</numerusform>
            <numerusform>%n نتائج في {documents}</numerusform>
            <numerusform>%n نتيجة في {documents}</numerusform>
            <numerusform>%n نتيجة في {documents}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n مستند</numerusform>
            <numerusform>مستند واحد</numerusform>
            <numerusform>مستندين</numerusform>
            <numerusform>%n مستندات</numerusform>
            <numerusform>%n مستندًا</numerusform>
            <numerusform>%n مستند</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{summary} (the first %n listed)</source>
        <translation>
            <numerusform>{summary} (لم تُعرض أي نتيجة)</numerusform>
            <numerusform>{summary} (عُرضت الأولى فقط)</numerusform>
            <numerusform>{summary} (عُرضت أول نتيجتين فقط)</numerusform>
            <numerusform>{summary} (عُرضت أول %n نتائج فقط)</numerusform>
            <numerusform>{summary} (عُرضت أول %n نتيجة فقط)</numerusform>
            <numerusform>{summary} (عُرضت أول %n نتيجة فقط)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchScope</name>
    <message>
        <source>This document</source>
        <translation>هذا المستند</translation>
    </message>
    <message>
        <source>Whole corpus</source>
        <translation>المدوّنة كلها</translation>
    </message>
</context>
<context>
    <name>ShortcutSheet</name>
    <message>
        <source>Extend the selection (in Arabic, Left goes towards the end of the sentence)</source>
        <translation>توسيع التحديد (في العربية يتجه السهم الأيسر نحو آخر الجملة)</translation>
    </message>
    <message>
        <source>Alt+Shift+arrows, Ctrl+drag</source>
        <translation>Alt+Shift+الأسهم، Ctrl+السحب</translation>
    </message>
    <message>
        <source>Select exact characters, without snapping to words</source>
        <translation>تحديد محارف بعينها دون محاذاة إلى الكلمات</translation>
    </message>
    <message>
        <source>Select the next or previous span (while relating: the next candidate)</source>
        <translation>اختيار المقطع التالي أو السابق (وعند إنشاء علاقة: المرشّح التالي)</translation>
    </message>
    <message>
        <source>Choose the candidate while making a relation</source>
        <translation>اختيار المرشّح عند إنشاء علاقة</translation>
    </message>
    <message>
        <source>Cancel a relation, or clear the selected span</source>
        <translation>إلغاء العلاقة، أو إلغاء اختيار المقطع</translation>
    </message>
    <message>
        <source>Click a span, click again</source>
        <translation>انقر مقطعًا، ثم انقر مجددًا</translation>
    </message>
    <message>
        <source>Select it, then the span around it</source>
        <translation>اختياره، ثم اختيار المقطع المحيط به</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>الوسوم</translation>
    </message>
    <message>
        <source>{label}: {name} (select text first)</source>
        <translation>{label}: {name} (حدّد النص أولًا)</translation>
    </message>
    <message>
        <source>Relations</source>
        <translation>العلاقات</translation>
    </message>
    <message>
        <source>{relation}: {name} (select the head first)</source>
        <translation>{relation}: {name} (اختر مقطع الرأس أولًا)</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>النص</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>الموضع</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>المفاتيح</translation>
    </message>
    <message>
        <source>What it does</source>
        <translation>الوظيفة</translation>
    </message>
</context>
<context>
    <name>Snapping</name>
    <message>
        <source>Whole words</source>
        <translation>كلمات كاملة</translation>
    </message>
    <message>
        <source>Leave proclitics outside ({letters})</source>
        <translation>استبعاد السوابق ({letters})</translation>
    </message>
    <message>
        <source>Leave proclitics and the article outside</source>
        <translation>استبعاد السوابق وأداة التعريف</translation>
    </message>
    <message>
        <source>Exact characters</source>
        <translation>المحارف بعينها</translation>
    </message>
</context>
<context>
    <name>SpanKind</name>
    <message>
        <source>entity</source>
        <translation>كيان</translation>
    </message>
    <message>
        <source>claim</source>
        <translation>ادعاء</translation>
    </message>
    <message>
        <source>treaty reference</source>
        <translation>إشارة إلى معاهدة</translation>
    </message>
</context>
<context>
    <name>SpanPanel</name>
    <message>
        <source>Filter annotations</source>
        <translation>تصفية التوسيمات</translation>
    </message>
    <message>
        <source>Selected span</source>
        <translation>المقطع المختار</translation>
    </message>
    <message>
        <source>Link…</source>
        <translation>ربط…</translation>
    </message>
    <message>
        <source>Unlink</source>
        <translation>فك الربط</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>ملاحظة</translation>
    </message>
    <message>
        <source>Delete Relation</source>
        <translation>حذف العلاقة</translation>
    </message>
    <message>
        <source>Relations</source>
        <translation>العلاقات</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>النص</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>الوسم</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>الربط</translation>
    </message>
    <message>
        <source>{relation}: {span}</source>
        <translation>{relation}: {span}</translation>
    </message>
    <message>
        <source>{relation} of: {span}</source>
        <translation>{relation} لـ: {span}</translation>
    </message>
</context>
<context>
    <name>SuggestionController</name>
    <message>
        <source>No more suggestions in this direction.</source>
        <translation>لا اقتراحات أخرى في هذا الاتجاه.</translation>
    </message>
    <message>
        <source>Suggestion: {label} “{text}”. Ctrl+Return accepts it, Ctrl+Backspace rejects it.</source>
        <translation>اقتراح: {label} «{text}». مفتاحا Ctrl+Return يقبلانه، ومفتاحا Ctrl+Backspace يرفضانه.</translation>
    </message>
    <message>
        <source>Accepted {label} “{text}”.</source>
        <translation>قُبل الاقتراح {label} «{text}».</translation>
    </message>
    <message>
        <source>Rejected {label} “{text}”.</source>
        <translation>رُفض الاقتراح {label} «{text}».</translation>
    </message>
    <message>
        <source>Suggestions are hidden (Search &gt; Show Suggestions).</source>
        <translation>الاقتراحات مخفية (بحث &gt; إظهار الاقتراحات).</translation>
    </message>
    <message>
        <source>No suggestion at or after the caret.</source>
        <translation>لا اقتراح عند المؤشر ولا بعده.</translation>
    </message>
</context>
<context>
    <name>TeamDialog</name>
    <message>
        <source>Team project</source>
        <translation>مشروع الفريق</translation>
    </message>
    <message>
        <source>&amp;Pull teammates&apos; work</source>
        <translation>&amp;جلب عمل الزملاء</translation>
    </message>
    <message>
        <source>P&amp;ush my layer</source>
        <translation>&amp;دفع طبقتي</translation>
    </message>
    <message>
        <source>Changed on both sides</source>
        <translation>تغيّر في الجانبين</translation>
    </message>
    <message>
        <source>Here</source>
        <translation>هنا</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>الفريق</translation>
    </message>
    <message>
        <source>Team project:</source>
        <translation>مشروع الفريق:</translation>
    </message>
    <message>
        <source>Give the team project&apos;s address first.</source>
        <translation>أدخل عنوان مشروع الفريق أولًا.</translation>
    </message>
    <message>
        <source>Pulled {layers} layer(s) of teammates; {documents} new document(s).</source>
        <translation>جُلبت {layers} طبقة من طبقات الزملاء؛ {documents} مستند جديد.</translation>
    </message>
    <message>
        <source>Took the team&apos;s {item}.</source>
        <translation>أُخذت نسخة الفريق من {item}.</translation>
    </message>
    <message>
        <source>{item} is changed only here: a reviewer pushes it.</source>
        <translation>{item} تغيّر هنا فقط: يدفعه مراجع.</translation>
    </message>
    <message>
        <source>Pushed your layer of {n} document(s).</source>
        <translation>دُفعت طبقتك في {n} مستند.</translation>
    </message>
    <message>
        <source>Sent {item}, changed here.</source>
        <translation>أُرسل {item} المعدَّل هنا.</translation>
    </message>
    <message>
        <source>{n} item(s) changed on both sides wait for a reviewer&apos;s decision.</source>
        <translation>{n} عنصر تغيّر في الجانبين وينتظر قرار مراجع.</translation>
    </message>
    <message>
        <source>Take the team&apos;s</source>
        <translation>خذ نسخة الفريق</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>أبقِ نسختي</translation>
    </message>
    <message>
        <source>&amp;Team…</source>
        <translation>&amp;فريق العمل…</translation>
    </message>
</context>
<context>
    <name>TreatyEditor</name>
    <message>
        <source>Edit treaty</source>
        <translation>تحرير معاهدة</translation>
    </message>
    <message>
        <source>New treaty</source>
        <translation>معاهدة جديدة</translation>
    </message>
    <message>
        <source>a-short-id</source>
        <translation>معرّف قصير بحروف لاتينية</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>المعرّف</translation>
    </message>
    <message>
        <source>Arabic name</source>
        <translation>الاسم العربي</translation>
    </message>
    <message>
        <source>English name</source>
        <translation>الاسم الإنجليزي</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <source>Parties (registry ids)</source>
        <translation>الأطراف (معرّفات السجل)</translation>
    </message>
    <message>
        <source>Articles (number: summary)</source>
        <translation>المواد (الرقم: الملخص)</translation>
    </message>
    <message>
        <source>Aliases (one per line)</source>
        <translation>الأسماء البديلة (واحد في كل سطر)</translation>
    </message>
    <message>
        <source>An article line starts with its number and a colon: {line}</source>
        <translation>يبدأ سطر المادة برقمها ثم نقطتين رأسيتين: {line}</translation>
    </message>
    <message>
        <source>An id and an Arabic name are needed.</source>
        <translation>يلزم معرّف واسم عربي.</translation>
    </message>
</context>
<context>
    <name>UnitStatus</name>
    <message>
        <source>agreed</source>
        <translation>متفق عليه</translation>
    </message>
    <message>
        <source>label mismatch</source>
        <translation>اختلاف في الوسم</translation>
    </message>
    <message>
        <source>boundary mismatch</source>
        <translation>اختلاف في الحدود</translation>
    </message>
    <message>
        <source>only in A</source>
        <translation>في أ فقط</translation>
    </message>
    <message>
        <source>only in B</source>
        <translation>في ب فقط</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>Welcome to Hashiya. You will annotate Arabic news articles: people, places and organisations, claims (who claims what, reported by whom, denied by whom) and treaty references.

The five sample articles are open in your first project. Select words and press a label&apos;s key (p for a person, g for a country or city, c for a claim...); F1 lists every shortcut.

Your name signs your annotations (your layer) and the edit log:</source>
        <translation>مرحبًا بك في حاشية. ستوسم مقالات إخبارية عربية: الأشخاص والأماكن والمنظمات، والادعاءات (من يدّعي ماذا، ومن نقله، ومن نفاه)، والإشارات إلى المعاهدات.

المقالات النموذجية الخمس مفتوحة في مشروعك الأول. حدّد كلمات ثم اضغط مفتاح الوسم (p للشخص، و g للدولة أو المدينة، و c للادعاء...)؛ ويعرض F1 كل الاختصارات.

يُوقَّع باسمك على توسيماتك (طبقتك) وعلى سجل التعديلات:</translation>
    </message>
    <message>
        <source>Welcome to Hashiya. You will annotate Arabic news articles: people, places and organisations, claims (who claims what, reported by whom, denied by whom) and treaty references.

This project has no documents yet: File &gt; Import Texts (Ctrl+I) brings in .txt files or JSONL. Then select words and press a label&apos;s key (p for a person, g for a country or city, c for a claim...); F1 lists every shortcut.

Your name signs your annotations (your layer) and the edit log:</source>
        <translation>مرحبًا بك في حاشية. ستوسم مقالات إخبارية عربية: الأشخاص والأماكن والمنظمات، والادعاءات (من يدّعي ماذا، ومن نقله، ومن نفاه)، والإشارات إلى المعاهدات.

لا مستندات في هذا المشروع بعد: ملف &gt; استيراد نصوص (Ctrl+I) يجلب ملفات ‎.txt‎ أو JSONL. ثم حدّد كلمات واضغط مفتاح الوسم (p للشخص، و g للدولة أو المدينة، و c للادعاء...)؛ ويعرض F1 كل الاختصارات.

يُوقَّع باسمك على توسيماتك (طبقتك) وعلى سجل التعديلات:</translation>
    </message>
    <message>
        <source>Welcome to Hashiya. You will annotate Arabic news articles: people, places and organisations, claims (who claims what, reported by whom, denied by whom) and treaty references.

This project&apos;s documents are listed beside the text: pick one, select words and press a label&apos;s key (p for a person, g for a country or city, c for a claim...); F1 lists every shortcut.

Your name signs your annotations (your layer) and the edit log:</source>
        <translation>مرحبًا بك في حاشية. ستوسم مقالات إخبارية عربية: الأشخاص والأماكن والمنظمات، والادعاءات (من يدّعي ماذا، ومن نقله، ومن نفاه)، والإشارات إلى المعاهدات.

مستندات هذا المشروع مدرجة بجانب النص: اختر واحدًا، ثم حدّد كلمات واضغط مفتاح الوسم (p للشخص، و g للدولة أو المدينة، و c للادعاء...)؛ ويعرض F1 كل الاختصارات.

يُوقَّع باسمك على توسيماتك (طبقتك) وعلى سجل التعديلات:</translation>
    </message>
    <message>
        <source>Welcome to Hashiya</source>
        <translation>مرحبًا بك في حاشية</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>ابدأ</translation>
    </message>
</context>
</TS>
