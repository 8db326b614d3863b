<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AddDocumentDialog</name>
    <message>
        <location filename="../../ui/archive/dialogs.py" line="81"/>
        <source>File a document – %1</source>
        <translation>归档资料 – %1</translation>
    </message>
    <message>
        <location filename="../../ui/archive/dialogs.py" line="96"/>
        <source>yyyy-mm-dd; empty: from the kind&apos;s validity</source>
        <translation>年-月-日；不填则按有效期计算</translation>
    </message>
    <message>
        <location filename="../../ui/archive/dialogs.py" line="98"/>
        <source>Path of the scan (PDF or image), or empty</source>
        <translation>扫描件路径（PDF 或图片），可不填</translation>
    </message>
    <message>
        <location filename="../../ui/archive/dialogs.py" line="99"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../ui/archive/dialogs.py" line="111"/>
        <source>Empty: the kind&apos;s name</source>
        <translation>不填则用资料种类名称</translation>
    </message>
    <message>
        <location filename="../../ui/archive/dialogs.py" line="112"/>
        <source>&amp;Kind</source>
        <translation>资料种类(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../ui/archive/dialogs.py" line="113"/>
        <source>&amp;Whose</source>
        <translation>归属(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../ui/archive/dialogs.py" line="114"/>
        <source>&amp;Date</source>
        <translation>资料日期(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/archive/dialogs.py" line="115"/>
        <source>E&amp;xpires</source>
        <translation>到期日(&amp;X)</translation>
    </message>
    <message>
        <location filename="../../ui/archive/dialogs.py" line="116"/>
        <source>&amp;Scan</source>
        <translation>扫描件(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/archive/dialogs.py" line="117"/>
        <source>&amp;Cabinet</source>
        <translation>柜号(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/archive/dialogs.py" line="118"/>
        <source>&amp;Box</source>
        <translation>盒号(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../ui/archive/dialogs.py" line="119"/>
        <source>&amp;Title</source>
        <translation>标题(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/archive/dialogs.py" line="133"/>
        <source>The unit (stays when a household moves out)</source>
        <translation>房屋（住户迁出后仍留存）</translation>
    </message>
    <message>
        <location filename="../../ui/archive/dialogs.py" line="136"/>
        <source>Household of %1</source>
        <translation>%1 一户</translation>
    </message>
    <message>
        <location filename="../../ui/archive/dialogs.py" line="151"/>
        <source>Choose the kind of document.</source>
        <translation>请选择资料种类。</translation>
    </message>
    <message>
        <location filename="../../ui/archive/dialogs.py" line="160"/>
        <source>Write the date as 2026-12-31.</source>
        <translation>日期请写成 2026-12-31 的格式。</translation>
    </message>
    <message>
        <location filename="../../ui/archive/dialogs.py" line="192"/>
        <source>Choose the scan</source>
        <translation>选择扫描件</translation>
    </message>
    <message>
        <location filename="../../ui/archive/dialogs.py" line="193"/>
        <source>Scans (*.pdf *.jpg *.jpeg *.png *.tif *.tiff);;All files (*)</source>
        <translation>扫描件 (*.pdf *.jpg *.jpeg *.png *.tif *.tiff);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>ArchivePage</name>
    <message>
        <location filename="../../ui/archive/page.py" line="128"/>
        <source>B&amp;uilding</source>
        <translation>楼栋(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="131"/>
        <source>Print r&amp;eport…</source>
        <translation>打印完整情况表(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="132"/>
        <source>E&amp;xcel…</source>
        <translation>导出 Excel(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="136"/>
        <source>Unit</source>
        <translation>房号</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="137"/>
        <location filename="../../ui/archive/page.py" line="155"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="138"/>
        <source>Present</source>
        <translation>已齐</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="139"/>
        <source>Missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="140"/>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="149"/>
        <source>Choose a unit on the left.</source>
        <translation>请在左侧选择房屋。</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="152"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="153"/>
        <location filename="../../ui/archive/page.py" line="169"/>
        <source>Document</source>
        <translation>资料</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="154"/>
        <source>Required</source>
        <translation>必备</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="154"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="157"/>
        <location filename="../../ui/archive/page.py" line="172"/>
        <source>Expires</source>
        <translation>到期日</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="170"/>
        <source>Whose</source>
        <translation>归属</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="171"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="173"/>
        <source>Scan</source>
        <translation>扫描件</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="174"/>
        <source>Kept in</source>
        <translation>存放位置</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="175"/>
        <source>Paper</source>
        <translation>原件</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="183"/>
        <source>&amp;New document…</source>
        <translation>新增资料(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="184"/>
        <source>&amp;Open scan</source>
        <translation>查看扫描件(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="185"/>
        <source>Save scan &amp;as…</source>
        <translation>扫描件另存为(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="186"/>
        <source>Set &amp;location…</source>
        <translation>存放位置(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="187"/>
        <source>Lend pape&amp;r…</source>
        <translation>借出原件(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="188"/>
        <source>Re&amp;turn paper</source>
        <translation>归还原件(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="189"/>
        <source>New &amp;kind…</source>
        <translation>新增种类(&amp;K)…</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="190"/>
        <source>Edit kin&amp;d…</source>
        <translation>修改种类(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="200"/>
        <source>Scan saved to %1</source>
        <translation>扫描件已保存到 %1</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="215"/>
        <source>Checklist</source>
        <translation>必备资料清单</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="222"/>
        <source>Documents</source>
        <translation>已归档资料</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="303"/>
        <source>not needed yet</source>
        <translation>暂不需要</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="314"/>
        <source>cabinet %1 box %2</source>
        <translation>%1 柜 %2 盒</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="319"/>
        <source>printed</source>
        <translation>系统打印</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="319"/>
        <source>in the archive</source>
        <translation>在档</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="321"/>
        <source>lent to %1 until %2</source>
        <translation>借给 %1，%2 前归还</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="367"/>
        <source>%1 units, %2 complete, %3 with gaps</source>
        <translation>共 %1 套，资料齐全 %2 套，不齐 %3 套</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="418"/>
        <source>Unit %1 — stages that apply: %2</source>
        <translation>房屋 %1 — 适用阶段：%2</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="420"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="465"/>
        <source>returned %1</source>
        <translation>%1 已归还</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="467"/>
        <source>due back %1</source>
        <translation>应于 %1 归还</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="470"/>
        <source>%1 lent to %2 (%3), %4</source>
        <translation>%1 借给 %2（%3），%4</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="476"/>
        <source>Never lent.</source>
        <translation>从未借出。</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="558"/>
        <source>Return paper</source>
        <translation>归还原件</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="559"/>
        <source>Has %1 returned the paper “%2”?</source>
        <translation>%1 已归还原件“%2”了吗？</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="609"/>
        <source>Archive</source>
        <translation>档案</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="627"/>
        <source>Export completeness</source>
        <translation>导出资料完整情况</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="629"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>A person&apos;s papers (ID copies) are shown to roles that may see full ID numbers only.</source>
        <translation>个人证件（身份证复印件等）的扫描件只对可查看完整身份证号的岗位开放。</translation>
    </message>
    <message>
        <source>No scan on file for this document.</source>
        <translation>这份资料没有上传扫描件。</translation>
    </message>
</context>
<context>
    <name>KindDialog</name>
    <message>
        <location filename="../../ui/archive/dialogs.py" line="263"/>
        <source>Edit document kind</source>
        <translation>修改资料种类</translation>
    </message>
    <message>
        <location filename="../../ui/archive/dialogs.py" line="263"/>
        <source>New document kind</source>
        <translation>新增资料种类</translation>
    </message>
    <message>
        <location filename="../../ui/archive/dialogs.py" line="273"/>
        <source>Required for the stage</source>
        <translation>该阶段必备</translation>
    </message>
    <message>
        <location filename="../../ui/archive/dialogs.py" line="277"/>
        <source> months</source>
        <translation> 个月</translation>
    </message>
    <message>
        <location filename="../../ui/archive/dialogs.py" line="278"/>
        <source>No expiry</source>
        <translation>长期有效</translation>
    </message>
    <message>
        <location filename="../../ui/archive/dialogs.py" line="279"/>
        <source>In use</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../ui/archive/dialogs.py" line="285"/>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/archive/dialogs.py" line="286"/>
        <source>&amp;Stage</source>
        <translation>阶段(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/archive/dialogs.py" line="287"/>
        <source>&amp;Whose</source>
        <translation>归属(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../ui/archive/dialogs.py" line="289"/>
        <source>&amp;Valid for</source>
        <translation>有效期(&amp;V)</translation>
    </message>
</context>
<context>
    <name>LendDialog</name>
    <message>
        <location filename="../../ui/archive/dialogs.py" line="234"/>
        <source>Lend the paper – %1</source>
        <translation>借出原件 – %1</translation>
    </message>
    <message>
        <location filename="../../ui/archive/dialogs.py" line="241"/>
        <source>&amp;Borrower</source>
        <translation>借阅人(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../ui/archive/dialogs.py" line="242"/>
        <source>&amp;Due back</source>
        <translation>归还日期(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/archive/dialogs.py" line="243"/>
        <source>&amp;Purpose</source>
        <translation>用途(&amp;P)</translation>
    </message>
</context>
<context>
    <name>LocationDialog</name>
    <message>
        <location filename="../../ui/archive/dialogs.py" line="208"/>
        <source>Paper kept in – %1</source>
        <translation>原件存放位置 – %1</translation>
    </message>
    <message>
        <location filename="../../ui/archive/dialogs.py" line="214"/>
        <source>&amp;Cabinet</source>
        <translation>柜号(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/archive/dialogs.py" line="215"/>
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
    <name>ScanActions</name>
    <message>
        <location filename="../../ui/archive/scan_files.py" line="128"/>
        <source>No program is set up on this computer to open image files.</source>
        <translation>这台电脑上没有设置打开图片文件的程序，扫描件无法直接打开。</translation>
    </message>
    <message>
        <location filename="../../ui/archive/scan_files.py" line="130"/>
        <source>No program is set up on this computer to open PDF files.</source>
        <translation>这台电脑上没有设置打开 PDF 文件的程序，扫描件无法直接打开。</translation>
    </message>
    <message>
        <location filename="../../ui/archive/scan_files.py" line="134"/>
        <source>Cannot open the scan</source>
        <translation>无法打开扫描件</translation>
    </message>
    <message>
        <location filename="../../ui/archive/scan_files.py" line="138"/>
        <source>Save a copy of “%1” to a folder or a USB stick, to open it with another program or on another computer?</source>
        <translation>要把“%1”另存一份到文件夹或 U 盘，用其他程序或其他电脑查看吗？</translation>
    </message>
    <message>
        <location filename="../../ui/archive/scan_files.py" line="145"/>
        <source>&amp;Save as…</source>
        <translation>另存为(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../ui/archive/scan_files.py" line="146"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/archive/scan_files.py" line="175"/>
        <source>Save the scan as</source>
        <translation>扫描件另存为</translation>
    </message>
    <message>
        <location filename="../../ui/archive/scan_files.py" line="177"/>
        <source>Scan (*%1);;All files (*)</source>
        <translation>扫描件 (*%1);;所有文件 (*)</translation>
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
        <location filename="../../ui/archive/unit_panel.py" line="77"/>
        <source>Nothing required is missing.</source>
        <translation>必备资料齐全。</translation>
    </message>
    <message>
        <location filename="../../ui/archive/unit_panel.py" line="80"/>
        <source>%1 paper original(s) lent out</source>
        <translation>%1 份原件借出</translation>
    </message>
    <message>
        <location filename="../../ui/archive/unit_panel.py" line="70"/>
        <source>%1 document(s) filed.</source>
        <translation>已归档 %1 份。</translation>
    </message>
    <message>
        <location filename="../../ui/archive/unit_panel.py" line="72"/>
        <source>No documents are required yet: nobody lives here, and no renovation or move-out is on record.</source>
        <translation>目前没有必备资料要求：无人入住，也没有装修或迁出记录。</translation>
    </message>
</context>
<context>
    <name>_Form</name>
    <message>
        <location filename="../../ui/archive/dialogs.py" line="49"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/archive/dialogs.py" line="50"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
</TS>
