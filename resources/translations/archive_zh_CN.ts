<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AddDocumentDialog</name>
    <message>
        <location filename="../../ui/archive/dialogs.py" line="120"/>
        <source>File a document – %1</source>
        <translation>归档资料 – %1</translation>
    </message>
    <message>
        <location filename="../../ui/archive/dialogs.py" line="135"/>
        <source>yyyy-mm-dd; empty: from the kind&apos;s validity</source>
        <translation>年-月-日；不填则按有效期计算</translation>
    </message>
    <message>
        <location filename="../../ui/archive/dialogs.py" line="137"/>
        <source>Path of the scan (PDF or image), or empty</source>
        <translation>扫描件路径（PDF 或图片），可不填</translation>
    </message>
    <message>
        <location filename="../../ui/archive/dialogs.py" line="138"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../ui/archive/dialogs.py" line="150"/>
        <source>Empty: the kind&apos;s name</source>
        <translation>不填则用资料种类名称</translation>
    </message>
    <message>
        <location filename="../../ui/archive/dialogs.py" line="151"/>
        <source>&amp;Kind</source>
        <translation>资料种类(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../ui/archive/dialogs.py" line="152"/>
        <source>&amp;Whose</source>
        <translation>归属(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../ui/archive/dialogs.py" line="153"/>
        <source>&amp;Date</source>
        <translation>资料日期(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/archive/dialogs.py" line="154"/>
        <source>E&amp;xpires</source>
        <translation>到期日(&amp;X)</translation>
    </message>
    <message>
        <location filename="../../ui/archive/dialogs.py" line="155"/>
        <source>&amp;Scan</source>
        <translation>扫描件(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/archive/dialogs.py" line="156"/>
        <source>&amp;Cabinet</source>
        <translation>柜号(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/archive/dialogs.py" line="157"/>
        <source>&amp;Box</source>
        <translation>盒号(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../ui/archive/dialogs.py" line="158"/>
        <source>&amp;Title</source>
        <translation>标题(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/archive/dialogs.py" line="172"/>
        <source>The unit (stays when a household moves out)</source>
        <translation>房屋（住户迁出后仍留存）</translation>
    </message>
    <message>
        <location filename="../../ui/archive/dialogs.py" line="175"/>
        <source>Household of %1</source>
        <translation>%1 一户</translation>
    </message>
    <message>
        <location filename="../../ui/archive/dialogs.py" line="190"/>
        <source>Choose the kind of document.</source>
        <translation>请选择资料种类。</translation>
    </message>
    <message>
        <location filename="../../ui/archive/dialogs.py" line="199"/>
        <source>Write the date as 2026-12-31.</source>
        <translation>日期请写成 2026-12-31 的格式。</translation>
    </message>
    <message>
        <location filename="../../ui/archive/dialogs.py" line="231"/>
        <source>Choose the scan</source>
        <translation>选择扫描件</translation>
    </message>
    <message>
        <location filename="../../ui/archive/dialogs.py" line="232"/>
        <source>Scans (*.pdf *.jpg *.jpeg *.png *.tif *.tiff);;All files (*)</source>
        <translation>扫描件 (*.pdf *.jpg *.jpeg *.png *.tif *.tiff);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>ArchivePage</name>
    <message>
        <location filename="../../ui/archive/page.py" line="118"/>
        <source>B&amp;uilding</source>
        <translation>楼栋(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="121"/>
        <source>Print r&amp;eport…</source>
        <translation>打印完整情况表(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="122"/>
        <source>E&amp;xcel…</source>
        <translation>导出 Excel(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="126"/>
        <source>Unit</source>
        <translation>房号</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="127"/>
        <location filename="../../ui/archive/page.py" line="145"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="128"/>
        <source>Present</source>
        <translation>已齐</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="129"/>
        <source>Missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="130"/>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="139"/>
        <source>Choose a unit on the left.</source>
        <translation>请在左侧选择房屋。</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="142"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="143"/>
        <location filename="../../ui/archive/page.py" line="159"/>
        <source>Document</source>
        <translation>资料</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="144"/>
        <source>Required</source>
        <translation>必备</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="144"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="147"/>
        <location filename="../../ui/archive/page.py" line="162"/>
        <source>Expires</source>
        <translation>到期日</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="160"/>
        <source>Whose</source>
        <translation>归属</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="161"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="163"/>
        <source>Scan</source>
        <translation>扫描件</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="164"/>
        <source>Kept in</source>
        <translation>存放位置</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="165"/>
        <source>Paper</source>
        <translation>原件</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="173"/>
        <source>&amp;New document…</source>
        <translation>新增资料(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="174"/>
        <source>&amp;Open scan</source>
        <translation>查看扫描件(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="175"/>
        <source>Set &amp;location…</source>
        <translation>存放位置(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="176"/>
        <source>Lend pape&amp;r…</source>
        <translation>借出原件(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="177"/>
        <source>Re&amp;turn paper</source>
        <translation>归还原件(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="178"/>
        <source>New &amp;kind…</source>
        <translation>新增种类(&amp;K)…</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="179"/>
        <source>Edit kin&amp;d…</source>
        <translation>修改种类(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="199"/>
        <source>Checklist</source>
        <translation>必备资料清单</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="206"/>
        <source>Documents</source>
        <translation>已归档资料</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="272"/>
        <source>not needed yet</source>
        <translation>暂不需要</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="283"/>
        <source>cabinet %1 box %2</source>
        <translation>%1 柜 %2 盒</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="288"/>
        <source>printed</source>
        <translation>系统打印</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="288"/>
        <source>in the archive</source>
        <translation>在档</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="290"/>
        <source>lent to %1 until %2</source>
        <translation>借给 %1，%2 前归还</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="336"/>
        <source>%1 units, %2 complete, %3 with gaps</source>
        <translation>共 %1 套，资料齐全 %2 套，不齐 %3 套</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="387"/>
        <source>Unit %1 — stages that apply: %2</source>
        <translation>房屋 %1 — 适用阶段：%2</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="389"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="432"/>
        <source>returned %1</source>
        <translation>%1 已归还</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="434"/>
        <source>due back %1</source>
        <translation>应于 %1 归还</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="437"/>
        <source>%1 lent to %2 (%3), %4</source>
        <translation>%1 借给 %2（%3），%4</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="443"/>
        <source>Never lent.</source>
        <translation>从未借出。</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="525"/>
        <source>Return paper</source>
        <translation>归还原件</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="526"/>
        <source>Has %1 returned the paper “%2”?</source>
        <translation>%1 已归还原件“%2”了吗？</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="584"/>
        <source>Archive</source>
        <translation>档案</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="602"/>
        <source>Export completeness</source>
        <translation>导出资料完整情况</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="604"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>KindDialog</name>
    <message>
        <location filename="../../ui/archive/dialogs.py" line="302"/>
        <source>Edit document kind</source>
        <translation>修改资料种类</translation>
    </message>
    <message>
        <location filename="../../ui/archive/dialogs.py" line="302"/>
        <source>New document kind</source>
        <translation>新增资料种类</translation>
    </message>
    <message>
        <location filename="../../ui/archive/dialogs.py" line="312"/>
        <source>Required for the stage</source>
        <translation>该阶段必备</translation>
    </message>
    <message>
        <location filename="../../ui/archive/dialogs.py" line="316"/>
        <source> months</source>
        <translation> 个月</translation>
    </message>
    <message>
        <location filename="../../ui/archive/dialogs.py" line="317"/>
        <source>No expiry</source>
        <translation>长期有效</translation>
    </message>
    <message>
        <location filename="../../ui/archive/dialogs.py" line="318"/>
        <source>In use</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../ui/archive/dialogs.py" line="324"/>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/archive/dialogs.py" line="325"/>
        <source>&amp;Stage</source>
        <translation>阶段(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/archive/dialogs.py" line="326"/>
        <source>&amp;Whose</source>
        <translation>归属(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../ui/archive/dialogs.py" line="328"/>
        <source>&amp;Valid for</source>
        <translation>有效期(&amp;V)</translation>
    </message>
</context>
<context>
    <name>LendDialog</name>
    <message>
        <location filename="../../ui/archive/dialogs.py" line="273"/>
        <source>Lend the paper – %1</source>
        <translation>借出原件 – %1</translation>
    </message>
    <message>
        <location filename="../../ui/archive/dialogs.py" line="280"/>
        <source>&amp;Borrower</source>
        <translation>借阅人(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../ui/archive/dialogs.py" line="281"/>
        <source>&amp;Due back</source>
        <translation>归还日期(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/archive/dialogs.py" line="282"/>
        <source>&amp;Purpose</source>
        <translation>用途(&amp;P)</translation>
    </message>
</context>
<context>
    <name>LocationDialog</name>
    <message>
        <location filename="../../ui/archive/dialogs.py" line="247"/>
        <source>Paper kept in – %1</source>
        <translation>原件存放位置 – %1</translation>
    </message>
    <message>
        <location filename="../../ui/archive/dialogs.py" line="253"/>
        <source>&amp;Cabinet</source>
        <translation>柜号(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/archive/dialogs.py" line="254"/>
        <source>&amp;Box</source>
        <translation>盒号(&amp;B)</translation>
    </message>
</context>
<context>
    <name>NavModule</name>
    <message>
        <location filename="../../ui/archive/registration.py" line="16"/>
        <source>Archive</source>
        <translation>档案</translation>
    </message>
</context>
<context>
    <name>UnitArchivePanel</name>
    <message>
        <location filename="../../ui/archive/unit_panel.py" line="26"/>
        <source>Archive</source>
        <translation>档案</translation>
    </message>
    <message>
        <location filename="../../ui/archive/unit_panel.py" line="34"/>
        <source>Open the unit&apos;s archive</source>
        <translation>打开本户档案</translation>
    </message>
    <message>
        <location filename="../../ui/archive/unit_panel.py" line="60"/>
        <source>%1 document(s) filed; %2 required present</source>
        <translation>已归档 %1 份；必备资料已齐 %2 项</translation>
    </message>
    <message>
        <location filename="../../ui/archive/unit_panel.py" line="65"/>
        <source>Missing: %1</source>
        <translation>缺失：%1</translation>
    </message>
    <message>
        <location filename="../../ui/archive/unit_panel.py" line="67"/>
        <source>Expired: %1</source>
        <translation>已过期：%1</translation>
    </message>
    <message>
        <location filename="../../ui/archive/unit_panel.py" line="69"/>
        <source>Nothing required is missing.</source>
        <translation>必备资料齐全。</translation>
    </message>
    <message>
        <location filename="../../ui/archive/unit_panel.py" line="72"/>
        <source>%1 paper original(s) lent out</source>
        <translation>%1 份原件借出</translation>
    </message>
    <message>
        <source>%1 document(s) filed.</source>
        <translation>已归档 %1 份。</translation>
    </message>
    <message>
        <source>No documents are required yet: nobody lives here, and no renovation or move-out is on record.</source>
        <translation>目前没有必备资料要求：无人入住，也没有装修或迁出记录。</translation>
    </message>
</context>
<context>
    <name>_Form</name>
    <message>
        <location filename="../../ui/archive/dialogs.py" line="63"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/archive/dialogs.py" line="64"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
</TS>
