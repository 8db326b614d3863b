<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>CareBanner</name>
    <message>
        <location filename="../../ui/care/banner.py" line="45" />
        <source>[Attention] </source>
        <translation>【关注】</translation>
    </message>
</context>
<context>
    <name>CarePage</name>
    <message>
        <location filename="../../ui/care/page.py" line="137" />
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <location filename="../../ui/care/page.py" line="141" />
        <source>&amp;Type</source>
        <translation>类型(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/care/page.py" line="144" />
        <source>All buildings</source>
        <translation>全部楼栋</translation>
    </message>
    <message>
        <location filename="../../ui/care/page.py" line="145" />
        <source>&amp;Building</source>
        <translation>楼栋(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../ui/care/page.py" line="147" />
        <source>Overdue &amp;reviews only</source>
        <translation>只看到期未复查(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/care/page.py" line="149" />
        <source>%1 flag(s)</source>
        <translation>共 %1 条</translation>
    </message>
    <message>
        <location filename="../../ui/care/page.py" line="151" />
        <source>&amp;New flag…</source>
        <translation>新增标记(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../ui/care/page.py" line="152" />
        <source>&amp;Open…</source>
        <translation>查看/修改(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../ui/care/page.py" line="153" />
        <source>&amp;End flag…</source>
        <translation>结束标记(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/care/page.py" line="154" />
        <source>Evacuation &amp;list…</source>
        <translation>疏散协助名单(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../ui/care/page.py" line="156" />
        <source>for the evacuation team (full phones)</source>
        <translation>给疏散小组（完整电话）</translation>
    </message>
    <message>
        <location filename="../../ui/care/page.py" line="157" />
        <source>office copy (phones as my role sees them)</source>
        <translation>办公室存档（电话按权限显示）</translation>
    </message>
    <message>
        <location filename="../../ui/care/page.py" line="158" />
        <source>Custom &amp;kind…</source>
        <translation>自定义类型(&amp;K)…</translation>
    </message>
    <message>
        <location filename="../../ui/care/page.py" line="274" />
        <source>Saved: %1 %2</source>
        <translation>已保存：%1 %2</translation>
    </message>
    <message>
        <location filename="../../ui/care/page.py" line="324" />
        <source>Evacuation-help list</source>
        <translation>疏散协助名单</translation>
    </message>
</context>
<context>
    <name>CarePanel</name>
    <message>
        <location filename="../../ui/care/banner.py" line="196" />
        <source>Add attention flag…</source>
        <translation>添加关注标记…</translation>
    </message>
    <message>
        <location filename="../../ui/care/banner.py" line="208" />
        <source>This household</source>
        <translation>本户</translation>
    </message>
    <message>
        <location filename="../../ui/care/banner.py" line="208" />
        <source>This person</source>
        <translation>本人</translation>
    </message>
</context>
<context>
    <name>CareStatus</name>
    <message>
        <location filename="../../ui/care/registration.py" line="15" />
        <source>Care reviews due: %1</source>
        <translation>关注待复查：%1</translation>
    </message>
</context>
<context>
    <name>EndFlagDialog</name>
    <message>
        <location filename="../../ui/care/dialogs.py" line="294" />
        <source>End attention flag</source>
        <translation>结束关注标记</translation>
    </message>
    <message>
        <location filename="../../ui/care/dialogs.py" line="297" />
        <source>Flag</source>
        <translation>标记</translation>
    </message>
    <message>
        <location filename="../../ui/care/dialogs.py" line="299" />
        <source>e.g. moved out, reviewed: no longer needed</source>
        <translation>例如：已搬离；复查后不再需要</translation>
    </message>
    <message>
        <location filename="../../ui/care/dialogs.py" line="300" />
        <source>&amp;Why</source>
        <translation>结束原因(&amp;W)</translation>
    </message>
</context>
<context>
    <name>FlagDialog</name>
    <message>
        <location filename="../../ui/care/dialogs.py" line="134" />
        <source>Edit attention flag</source>
        <translation>修改关注标记</translation>
    </message>
    <message>
        <location filename="../../ui/care/dialogs.py" line="134" />
        <source>New attention flag</source>
        <translation>新增关注标记</translation>
    </message>
    <message>
        <location filename="../../ui/care/dialogs.py" line="142" />
        <source>&amp;Household</source>
        <translation>住户(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/care/dialogs.py" line="147" />
        <source>For</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../ui/care/dialogs.py" line="151" />
        <source>Set by</source>
        <translation>登记</translation>
    </message>
    <message>
        <location filename="../../ui/care/dialogs.py" line="164" />
        <source>The resident agreed</source>
        <translation>本人同意</translation>
    </message>
    <message>
        <location filename="../../ui/care/dialogs.py" line="166" />
        <source>Review on</source>
        <translation>复查日期</translation>
    </message>
    <message>
        <location filename="../../ui/care/dialogs.py" line="191" />
        <source>&amp;Kind</source>
        <translation>关注类型(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../ui/care/dialogs.py" line="192" />
        <source>&amp;Reason</source>
        <translation>原因(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/care/dialogs.py" line="193" />
        <source>&amp;Source</source>
        <translation>来源(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/care/dialogs.py" line="194" />
        <source>Co&amp;nsent</source>
        <translation>同意(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/care/dialogs.py" line="195" />
        <source>Re&amp;view</source>
        <translation>复查(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/care/dialogs.py" line="196" />
        <source>Visi&amp;ble to</source>
        <translation>可见范围(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../ui/care/dialogs.py" line="197" />
        <source>&amp;Quiet hours</source>
        <translation>免打扰时段(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/care/dialogs.py" line="282" />
        <source>Choose the household first.</source>
        <translation>请先选择住户。</translation>
    </message>
</context>
<context>
    <name>FlagListModel</name>
    <message>
        <location filename="../../ui/care/page.py" line="81" />
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <location filename="../../ui/care/page.py" line="82" />
        <source>Unit</source>
        <translation>房号</translation>
    </message>
    <message>
        <location filename="../../ui/care/page.py" line="83" />
        <source>Resident</source>
        <translation>住户</translation>
    </message>
    <message>
        <location filename="../../ui/care/page.py" line="85" />
        <source>Attention</source>
        <translation>关注事项</translation>
    </message>
    <message>
        <location filename="../../ui/care/page.py" line="90" />
        <source>Review on</source>
        <translation>复查日期</translation>
    </message>
    <message>
        <location filename="../../ui/care/page.py" line="95" />
        <source>Visible to</source>
        <translation>可见范围</translation>
    </message>
    <message>
        <location filename="../../ui/care/page.py" line="99" />
        <source>Set by</source>
        <translation>登记人</translation>
    </message>
    <message>
        <location filename="../../ui/care/page.py" line="101" />
        <source>Set on</source>
        <translation>登记日期</translation>
    </message>
</context>
<context>
    <name>KindDialog</name>
    <message>
        <location filename="../../ui/care/dialogs.py" line="312" />
        <source>New kind of attention flag</source>
        <translation>新增关注类型</translation>
    </message>
    <message>
        <location filename="../../ui/care/dialogs.py" line="315" />
        <source>Sensitive: viewing details is audited</source>
        <translation>敏感：查看详情记入操作日志</translation>
    </message>
    <message>
        <location filename="../../ui/care/dialogs.py" line="317" />
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
</context>
<context>
    <name>NavModule</name>
    <message>
        <location filename="../../ui/care/registration.py" line="26" />
        <source>Care</source>
        <translation>关怀</translation>
    </message>
</context>
</TS>