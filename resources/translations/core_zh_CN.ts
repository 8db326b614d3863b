<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AddOccupantDialog</name>
    <message>
        <location filename="../../ui/registry/dialogs.py" line="543"/>
        <source>Add occupant</source>
        <translation>登记住户</translation>
    </message>
    <message>
        <location filename="../../ui/registry/dialogs.py" line="546"/>
        <source>Unit</source>
        <translation>房屋</translation>
    </message>
    <message>
        <location filename="../../ui/registry/dialogs.py" line="547"/>
        <source>&amp;Existing person</source>
        <translation>已有住户(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/registry/dialogs.py" line="548"/>
        <source>Ne&amp;w person</source>
        <translation>新住户(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../ui/registry/dialogs.py" line="551"/>
        <source>name, pinyin initials or phone digits</source>
        <translation>姓名、拼音首字母或电话号码</translation>
    </message>
    <message>
        <location filename="../../ui/registry/dialogs.py" line="563"/>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/registry/dialogs.py" line="566"/>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/registry/dialogs.py" line="567"/>
        <source>&amp;Phone</source>
        <translation>电话(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/registry/dialogs.py" line="568"/>
        <source>&amp;Role</source>
        <translation>身份(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/registry/dialogs.py" line="569"/>
        <source>Fr&amp;om</source>
        <translation>起始日期(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/registry/dialogs.py" line="590"/>
        <source>Choose a person from the list.</source>
        <translation>请从列表中选择住户。</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../ui/app.py" line="86"/>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="87"/>
        <source>PropDesk cannot open this database. It may be damaged, belong to another program, or the server may be unreachable.

%1

%2</source>
        <translation>PropDesk 无法打开此数据库。文件可能已损坏、属于其他程序，或数据库服务器无法连接。

%1

%2</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="99"/>
        <source>Change database…</source>
        <translation>更换数据库…</translation>
    </message>
    <message>
        <source>Log in as yourself</source>
        <translation>请用自己的账号登录</translation>
    </message>
    <message>
        <source>Log in to PropDesk with the same user as the server login.</source>
        <translation>请用与服务器登录相同的用户登录 PropDesk。</translation>
    </message>
</context>
<context>
    <name>BuildingDialog</name>
    <message>
        <location filename="../../ui/registry/dialogs.py" line="288"/>
        <source>New building</source>
        <translation>新建楼栋</translation>
    </message>
    <message>
        <location filename="../../ui/registry/dialogs.py" line="288"/>
        <source>Edit building</source>
        <translation>编辑楼栋</translation>
    </message>
    <message>
        <location filename="../../ui/registry/dialogs.py" line="310"/>
        <source>The code is part of every unit code and cannot be changed.</source>
        <translation>楼栋编号是每套房屋房号的一部分，不能修改。</translation>
    </message>
    <message>
        <location filename="../../ui/registry/dialogs.py" line="312"/>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../ui/registry/dialogs.py" line="293"/>
        <source>e.g. 3 or A2</source>
        <translation>例如 3 或 A2</translation>
    </message>
    <message>
        <location filename="../../ui/registry/dialogs.py" line="295"/>
        <source>empty: code + 栋</source>
        <translation>留空则为“编号+栋”</translation>
    </message>
    <message>
        <location filename="../../ui/registry/dialogs.py" line="302"/>
        <source>Has elevator</source>
        <translation>有电梯</translation>
    </message>
    <message>
        <location filename="../../ui/registry/dialogs.py" line="306"/>
        <source>&amp;Code</source>
        <translation>编号(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/registry/dialogs.py" line="313"/>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/registry/dialogs.py" line="314"/>
        <source>&amp;Floors</source>
        <translation>楼层数(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/registry/dialogs.py" line="315"/>
        <source>&amp;Entrances</source>
        <translation>单元数(&amp;E)</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../ui/common/conflict.py" line="156"/>
        <source>Changed at another desk</source>
        <translation>其他工作站已修改</translation>
    </message>
    <message>
        <location filename="../../ui/common/conflict.py" line="163"/>
        <source>While you were editing, another desk saved this %1. Nothing has been overwritten. Choose what to keep for each field below.</source>
        <translation>您编辑期间，另一台工作站保存了这份%1。目前没有覆盖任何内容。请在下面逐项选择要保留的内容。</translation>
    </message>
    <message>
        <location filename="../../ui/common/conflict.py" line="172"/>
        <source>Field</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../ui/common/conflict.py" line="173"/>
        <source>When you opened it</source>
        <translation>您打开时</translation>
    </message>
    <message>
        <location filename="../../ui/common/conflict.py" line="174"/>
        <source>Saved at the other desk</source>
        <translation>对方保存的</translation>
    </message>
    <message>
        <location filename="../../ui/common/conflict.py" line="175"/>
        <source>Your change</source>
        <translation>您的修改</translation>
    </message>
    <message>
        <location filename="../../ui/common/conflict.py" line="176"/>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <location filename="../../ui/common/conflict.py" line="194"/>
        <source>Mine</source>
        <translation>我的</translation>
    </message>
    <message>
        <location filename="../../ui/common/conflict.py" line="195"/>
        <source>Theirs</source>
        <translation>对方的</translation>
    </message>
    <message>
        <location filename="../../ui/common/conflict.py" line="204"/>
        <source>&amp;Keep mine</source>
        <translation>保留我的(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../ui/common/conflict.py" line="205"/>
        <source>&amp;Take theirs</source>
        <translation>采用对方的(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/common/conflict.py" line="206"/>
        <source>&amp;Merge as chosen</source>
        <translation>按所选合并保存(&amp;M)</translation>
    </message>
</context>
<context>
    <name>DialogKeys</name>
    <message>
        <location filename="../../ui/common/keyboard.py" line="206"/>
        <source>Discard input?</source>
        <translation>放弃输入？</translation>
    </message>
    <message>
        <location filename="../../ui/common/keyboard.py" line="207"/>
        <source>What you typed in this form is not saved. Discard it?</source>
        <translation>此表单中输入的内容尚未保存。要放弃吗？</translation>
    </message>
    <message>
        <location filename="../../ui/common/keyboard.py" line="212"/>
        <source>&amp;Discard</source>
        <translation>放弃(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/common/keyboard.py" line="214"/>
        <source>&amp;Keep editing</source>
        <translation>继续编辑(&amp;K)</translation>
    </message>
</context>
<context>
    <name>EndOccupancyDialog</name>
    <message>
        <location filename="../../ui/registry/dialogs.py" line="615"/>
        <source>Move out</source>
        <translation>迁出</translation>
    </message>
    <message>
        <location filename="../../ui/registry/dialogs.py" line="621"/>
        <source>Occupant</source>
        <translation>住户</translation>
    </message>
    <message>
        <location filename="../../ui/registry/dialogs.py" line="624"/>
        <source>e.g. sold, lease ended</source>
        <translation>例如：已出售、租约到期</translation>
    </message>
    <message>
        <location filename="../../ui/registry/dialogs.py" line="625"/>
        <source>&amp;End date</source>
        <translation>迁出日期(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/registry/dialogs.py" line="626"/>
        <source>&amp;Reason</source>
        <translation>原因(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/registry/dialogs.py" line="627"/>
        <source>&amp;Move out</source>
        <translation>迁出(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../ui/registry/dialogs.py" line="627"/>
        <source>overdue ¥{0}</source>
        <translation>逾期欠费 ¥{0}</translation>
    </message>
    <message>
        <location filename="../../ui/registry/dialogs.py" line="627"/>
        <source>late fee ¥{0}</source>
        <translation>滞纳金 ¥{0}</translation>
    </message>
    <message>
        <location filename="../../ui/registry/dialogs.py" line="627"/>
        <source>billed, not yet due ¥{0}</source>
        <translation>已出账未到期 ¥{0}</translation>
    </message>
    <message>
        <location filename="../../ui/registry/dialogs.py" line="627"/>
        <source>deposits held ¥{0}</source>
        <translation>押金未退 ¥{0}</translation>
    </message>
    <message>
        <location filename="../../ui/registry/dialogs.py" line="700"/>
        <source>{0} key(s) in the desk&apos;s custody</source>
        <translation>前台托管钥匙 {0} 把未退还</translation>
    </message>
    <message>
        <location filename="../../ui/registry/dialogs.py" line="702"/>
        <source>{0} key(s) lent out, not returned</source>
        <translation>钥匙借出未还（{0} 份）</translation>
    </message>
    <message>
        <location filename="../../ui/registry/dialogs.py" line="627"/>
        <source>This unit still has {0}. Settle them first, or confirm the move-out.</source>
        <translation>该房屋尚有{0}。请先结清，或确认后再迁出。</translation>
    </message>
    <message>
        <location filename="../../ui/registry/dialogs.py" line="627"/>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <location filename="../../ui/registry/dialogs.py" line="627"/>
        <source>{0}

Move {1} out anyway?</source>
        <translation>{0}

仍要将{1}迁出吗？</translation>
    </message>
    <message>
        <location filename="../../ui/registry/dialogs.py" line="627"/>
        <source>&amp;Move out anyway</source>
        <translation>仍然迁出(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../ui/registry/dialogs.py" line="627"/>
        <source>&amp;Back</source>
        <translation>返回(&amp;B)</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../ui/common/forms.py" line="118"/>
        <source>Changed elsewhere</source>
        <translation>已被他人修改</translation>
    </message>
    <message>
        <location filename="../../ui/common/forms.py" line="120"/>
        <source>Cannot do that</source>
        <translation>无法执行</translation>
    </message>
    <message>
        <location filename="../../ui/common/forms.py" line="122"/>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
</context>
<context>
    <name>EstateDialog</name>
    <message>
        <location filename="../../ui/registry/dialogs.py" line="241"/>
        <source>Estate information</source>
        <translation>小区资料</translation>
    </message>
    <message>
        <location filename="../../ui/registry/dialogs.py" line="247"/>
        <source>Estate &amp;name</source>
        <translation>小区名称(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/registry/dialogs.py" line="248"/>
        <source>&amp;Address</source>
        <translation>地址(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/registry/dialogs.py" line="249"/>
        <source>Service &amp;phone</source>
        <translation>服务电话(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/registry/dialogs.py" line="250"/>
        <source>Management &amp;company</source>
        <translation>物业公司(&amp;C)</translation>
    </message>
</context>
<context>
    <name>FactsGrid</name>
    <message>
        <location filename="../../ui/registry/record_page.py" line="91"/>
        <source>%1:</source>
        <translation>%1：</translation>
    </message>
</context>
<context>
    <name>FirstRunSetupDialog</name>
    <message>
        <location filename="../../ui/setup/first_run.py" line="87"/>
        <source>PropDesk — New database</source>
        <translation>PropDesk — 新数据库</translation>
    </message>
    <message>
        <location filename="../../ui/setup/first_run.py" line="91"/>
        <source>This database has no estate yet. Start with a demo estate to try PropDesk, or set up your own estate: buildings and units are created from the pattern below (room number = floor × 100 + position, e.g. 1502).</source>
        <translation>此数据库还没有小区资料。可以生成演示小区试用 PropDesk，或建立自己的小区：按下面的规则自动生成楼栋和房屋（房号 = 楼层 × 100 + 序号，例如 1502）。</translation>
    </message>
    <message>
        <location filename="../../ui/setup/first_run.py" line="97"/>
        <source>&amp;Demo estate with sample residents, tickets and fees</source>
        <translation>演示小区（含示例住户、工单和收费）(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/setup/first_run.py" line="98"/>
        <source>&amp;Empty estate from a pattern</source>
        <translation>按规则建立空白小区(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/setup/first_run.py" line="106"/>
        <source>&amp;Units</source>
        <translation>房屋套数(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/setup/first_run.py" line="116"/>
        <source>e.g. 翠湖花园</source>
        <translation>例如：翠湖花园</translation>
    </message>
    <message>
        <location filename="../../ui/setup/first_run.py" line="126"/>
        <source>Estate &amp;name</source>
        <translation>小区名称(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/setup/first_run.py" line="127"/>
        <source>&amp;Buildings</source>
        <translation>楼栋数(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../ui/setup/first_run.py" line="128"/>
        <source>&amp;Floors per building</source>
        <translation>每栋楼层数(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/setup/first_run.py" line="129"/>
        <source>E&amp;ntrances per building</source>
        <translation>每栋单元数(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/setup/first_run.py" line="130"/>
        <source>&amp;Rooms per floor and entrance</source>
        <translation>每单元每层户数(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/setup/first_run.py" line="131"/>
        <source>Default &amp;area (m²)</source>
        <translation>默认建筑面积（m²）(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/setup/first_run.py" line="139"/>
        <source>&amp;Create</source>
        <translation>创建(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/setup/first_run.py" line="140"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/setup/first_run.py" line="170"/>
        <source>Log in afterwards as (user / password): %1</source>
        <translation>生成后可用以下账号登录（用户名 / 密码）：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/setup/first_run.py" line="184"/>
        <source>%n unit(s) will be created.</source>
        <translation>
            <numerusform>将生成 %n 套房屋。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/setup/first_run.py" line="223"/>
        <source>Generating the demo estate…</source>
        <translation>正在生成演示小区…</translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation type="vanished">演示数据</translation>
    </message>
</context>
<context>
    <name>HitsModel</name>
    <message>
        <location filename="../../ui/search/search_box.py" line="67"/>
        <source>Unit</source>
        <translation>房屋</translation>
    </message>
    <message>
        <location filename="../../ui/search/search_box.py" line="67"/>
        <source>Person</source>
        <translation>住户</translation>
    </message>
    <message>
        <location filename="../../ui/search/search_box.py" line="74"/>
        <source>Ticket</source>
        <translation>工单</translation>
    </message>
    <message>
        <location filename="../../ui/search/search_box.py" line="75"/>
        <source>Receipt</source>
        <translation>收据</translation>
    </message>
    <message>
        <location filename="../../ui/search/search_box.py" line="76"/>
        <source>Parcel</source>
        <translation>快递</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="120"/>
        <location filename="../../ui/main_window.py" line="123"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="294"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="295"/>
        <source>Re&amp;gistry</source>
        <translation>档案(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="296"/>
        <source>Re&amp;ports</source>
        <translation>报表(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="297"/>
        <source>Adm&amp;in</source>
        <translation>管理(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="298"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="317"/>
        <source>New &amp;person…</source>
        <translation>新建住户(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="318"/>
        <source>New &amp;unit…</source>
        <translation>新建房屋(&amp;U)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="319"/>
        <source>&amp;Estate information…</source>
        <translation>小区资料(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="329"/>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="333"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="336"/>
        <source>&amp;About PropDesk</source>
        <translation>关于 PropDesk(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="338"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>Cannot do that</source>
        <translation type="vanished">无法执行</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="429"/>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="548"/>
        <source>search units and people</source>
        <translation>搜索房屋和住户</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="549"/>
        <source>lock the screen (unlock with your password)</source>
        <translation>锁定屏幕（输入密码解锁）</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="550"/>
        <source>navigation list</source>
        <translation>导航列表</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="551"/>
        <source>back to the previous page</source>
        <translation>返回上一页</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="555"/>
        <source>open %1</source>
        <translation>打开%1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="565"/>
        <source>filter the list</source>
        <translation>筛选列表</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="566"/>
        <source>open the selected row</source>
        <translation>打开选中的行</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="567"/>
        <source>edit the selected building (Units) or the open unit or person</source>
        <translation>编辑选中的楼栋（房屋）或打开的房屋、住户</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="568"/>
        <source>add an occupant (unit page)</source>
        <translation>添加住户（房屋页）</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="569"/>
        <source>show the full ID number (person page)</source>
        <translation>显示完整证件号（住户页）</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="570"/>
        <source>new entry (Move-in / out, Renovation, Keys, Patrols)</source>
        <translation>新建（入住/搬出、装修、钥匙、巡查）</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="571"/>
        <source>receive a parcel (Parcels &amp; visitors)</source>
        <translation>登记快递（快递与访客）</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="572"/>
        <source>register a visitor (Parcels &amp; visitors)</source>
        <translation>登记访客（快递与访客）</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="573"/>
        <source>take the payment (Fees) or save the ticket</source>
        <translation>收款（收费）或保存工单</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="574"/>
        <source>print (Shift log, ticket)</source>
        <translation>打印（交接班日志、工单）</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="575"/>
        <source>record the review of the selected flag (Care)</source>
        <translation>记下所选关注标记的复查（关怀）</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="575"/>
        <source>write in the shift log</source>
        <translation>填写交接班日志</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="421"/>
        <source>User: %1</source>
        <translation>用户：%1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="431"/>
        <source>Language: %1</source>
        <translation>语言：%1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="461"/>
        <source>PropDesk</source>
        <translation>PropDesk 物业客服前台</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="540"/>
        <source>About PropDesk</source>
        <translation>关于 PropDesk</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="541"/>
        <source>PropDesk — front-desk system for a residential property service centre.</source>
        <translation>PropDesk — 住宅小区物业客服中心前台系统。</translation>
    </message>
    <message>
        <source>Ctrl+K  search units and people</source>
        <translation type="vanished">Ctrl+K  搜索房屋和住户</translation>
    </message>
    <message>
        <source>Ctrl+1…9  switch module</source>
        <translation type="vanished">Ctrl+1…9  切换模块</translation>
    </message>
    <message>
        <source>F6  navigation list</source>
        <translation type="vanished">F6  导航列表</translation>
    </message>
    <message>
        <source>Alt+Left  back to the previous page</source>
        <translation type="vanished">Alt+←  返回上一页</translation>
    </message>
    <message>
        <source>Ctrl+F  filter the list</source>
        <translation type="vanished">Ctrl+F  筛选列表</translation>
    </message>
    <message>
        <source>Ctrl+E  edit the open record</source>
        <translation type="vanished">Ctrl+E  编辑当前档案</translation>
    </message>
    <message>
        <source>Enter  open the selected row</source>
        <translation type="vanished">Enter  打开选中行</translation>
    </message>
    <message>
        <source>Ctrl+Shift+P  new person</source>
        <translation type="vanished">Ctrl+Shift+P  新建住户</translation>
    </message>
    <message>
        <source>Ctrl+Shift+U  new unit</source>
        <translation type="vanished">Ctrl+Shift+U  新建房屋</translation>
    </message>
    <message>
        <source>Ctrl+Shift+A  add an occupant (unit page)</source>
        <translation type="vanished">Ctrl+Shift+A  登记住户（房屋页面）</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="586"/>
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>filter the list on screen (else search)</source>
        <translation>筛选当前列表（无列表时搜索）</translation>
    </message>
    <message>
        <source>receive a parcel (for the unit on screen)</source>
        <translation>快递收件（当前房屋）</translation>
    </message>
    <message>
        <source>register a visitor (for the unit on screen)</source>
        <translation>访客登记（当前房屋）</translation>
    </message>
    <message>
        <source>submit the form (every dialog), take the payment (Fees)</source>
        <translation>提交表单（所有对话框），收款（收费）</translation>
    </message>
    <message>
        <source>From every page</source>
        <translation>任何页面均可用</translation>
    </message>
    <message>
        <source>On a page</source>
        <translation>仅在对应页面</translation>
    </message>
</context>
<context>
    <name>NavModule</name>
    <message>
        <location filename="../../ui/registry/lists.py" line="305"/>
        <source>Units</source>
        <translation>房屋</translation>
    </message>
    <message>
        <location filename="../../ui/registry/lists.py" line="306"/>
        <source>People</source>
        <translation>住户</translation>
    </message>
</context>
<context>
    <name>OccupancyModel</name>
    <message>
        <location filename="../../ui/registry/occupancy_model.py" line="24"/>
        <source>Unit</source>
        <translation>房屋</translation>
    </message>
    <message>
        <location filename="../../ui/registry/occupancy_model.py" line="24"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/registry/occupancy_model.py" line="24"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/registry/occupancy_model.py" line="25"/>
        <source>Role</source>
        <translation>身份</translation>
    </message>
    <message>
        <location filename="../../ui/registry/occupancy_model.py" line="25"/>
        <source>From</source>
        <translation>起始</translation>
    </message>
    <message>
        <location filename="../../ui/registry/occupancy_model.py" line="25"/>
        <source>To</source>
        <translation>结束</translation>
    </message>
    <message>
        <location filename="../../ui/registry/occupancy_model.py" line="25"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>PeopleModel</name>
    <message>
        <location filename="../../ui/registry/list_models.py" line="82"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/registry/list_models.py" line="83"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/registry/list_models.py" line="85"/>
        <source>Units</source>
        <translation>房屋</translation>
    </message>
    <message>
        <location filename="../../ui/registry/list_models.py" line="92"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>PeoplePage</name>
    <message>
        <location filename="../../ui/registry/lists.py" line="246"/>
        <source>Filter: name, pinyin initials, phone digits or unit</source>
        <translation>筛选：姓名、拼音首字母、电话号码或房号</translation>
    </message>
    <message>
        <location filename="../../ui/registry/lists.py" line="249"/>
        <source>&amp;New person…</source>
        <translation>新建住户(&amp;N)…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/registry/lists.py" line="248"/>
        <source>%n person(s)</source>
        <translation>
            <numerusform>共 %n 人</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <location filename="../../ui/registry/dialogs.py" line="479"/>
        <source>New person</source>
        <translation>新建住户</translation>
    </message>
    <message>
        <location filename="../../ui/registry/dialogs.py" line="479"/>
        <source>Edit person</source>
        <translation>编辑住户</translation>
    </message>
    <message>
        <location filename="../../ui/registry/dialogs.py" line="493"/>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/registry/dialogs.py" line="494"/>
        <source>&amp;Phone</source>
        <translation>电话(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/registry/dialogs.py" line="495"/>
        <source>Phone &amp;2</source>
        <translation>电话2(&amp;2)</translation>
    </message>
    <message>
        <location filename="../../ui/registry/dialogs.py" line="496"/>
        <source>&amp;ID number</source>
        <translation>身份证号(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../ui/registry/dialogs.py" line="498"/>
        <source>&amp;Emergency contact</source>
        <translation>紧急联系人(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/registry/dialogs.py" line="500"/>
        <source>Emergency p&amp;hone</source>
        <translation>紧急联系电话(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/registry/dialogs.py" line="501"/>
        <source>N&amp;otes</source>
        <translation>备注(&amp;O)</translation>
    </message>
</context>
<context>
    <name>PersonPage</name>
    <message>
        <location filename="../../ui/registry/person_page.py" line="45"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/registry/person_page.py" line="46"/>
        <source>Phone 2</source>
        <translation>电话2</translation>
    </message>
    <message>
        <location filename="../../ui/registry/person_page.py" line="48"/>
        <source>Emergency contact</source>
        <translation>紧急联系人</translation>
    </message>
    <message>
        <location filename="../../ui/registry/person_page.py" line="49"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/registry/person_page.py" line="50"/>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <location filename="../../ui/registry/person_page.py" line="58"/>
        <source>Units</source>
        <translation>名下房屋</translation>
    </message>
    <message>
        <location filename="../../ui/registry/person_page.py" line="59"/>
        <source>&amp;Edit person</source>
        <translation>编辑住户(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/registry/person_page.py" line="90"/>
        <source>no current unit</source>
        <translation>当前无登记房屋</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <location filename="../../ui/registry/dialogs.py" line="645"/>
        <source>Still loading…</source>
        <translation>正在加载，请稍候…</translation>
    </message>
    <message>
        <location filename="../../ui/registry/dialogs.py" line="118"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/registry/dialogs.py" line="119"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/registry/dialogs.py" line="221"/>
        <source>The form now shows what the other desk saved; nothing of yours was saved.</source>
        <translation>表单现在显示的是对方保存的内容；您的修改没有保存。</translation>
    </message>
</context>
<context>
    <name>RegistryLabels</name>
    <message>
        <location filename="../../ui/registry/labels.py" line="12"/>
        <source>Residence</source>
        <translation>住宅</translation>
    </message>
    <message>
        <location filename="../../ui/registry/labels.py" line="13"/>
        <source>Shop</source>
        <translation>商铺</translation>
    </message>
    <message>
        <location filename="../../ui/registry/labels.py" line="14"/>
        <source>Office</source>
        <translation>办公</translation>
    </message>
    <message>
        <location filename="../../ui/registry/labels.py" line="15"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../ui/registry/labels.py" line="18"/>
        <source>Vacant</source>
        <translation>空置</translation>
    </message>
    <message>
        <location filename="../../ui/registry/labels.py" line="19"/>
        <source>Owner-occupied</source>
        <translation>自住</translation>
    </message>
    <message>
        <location filename="../../ui/registry/labels.py" line="20"/>
        <source>Renovating</source>
        <translation>装修中</translation>
    </message>
    <message>
        <location filename="../../ui/registry/labels.py" line="21"/>
        <source>Rented out</source>
        <translation>出租</translation>
    </message>
    <message>
        <location filename="../../ui/registry/labels.py" line="24"/>
        <source>Owner</source>
        <translation>业主</translation>
    </message>
    <message>
        <location filename="../../ui/registry/labels.py" line="25"/>
        <source>Co-owner</source>
        <translation>共有人</translation>
    </message>
    <message>
        <location filename="../../ui/registry/labels.py" line="26"/>
        <source>Tenant</source>
        <translation>租户</translation>
    </message>
    <message>
        <location filename="../../ui/registry/labels.py" line="27"/>
        <source>Family</source>
        <translation>家属</translation>
    </message>
    <message>
        <location filename="../../ui/registry/labels.py" line="30"/>
        <source>Owned</source>
        <translation>产权</translation>
    </message>
    <message>
        <location filename="../../ui/registry/labels.py" line="31"/>
        <source>Rented</source>
        <translation>租赁</translation>
    </message>
</context>
<context>
    <name>RegistryPage</name>
    <message>
        <location filename="../../ui/registry/lists.py" line="69"/>
        <source>Filter units by code, e.g. 2-15</source>
        <translation>按房号筛选，例如 2-15</translation>
    </message>
    <message>
        <location filename="../../ui/registry/lists.py" line="71"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../ui/registry/lists.py" line="75"/>
        <source>&amp;Estate info…</source>
        <translation>小区资料(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/registry/lists.py" line="76"/>
        <source>New &amp;building…</source>
        <translation>新建楼栋(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../ui/registry/lists.py" line="81"/>
        <location filename="../../ui/registry/lists.py" line="86"/>
        <source>Edi&amp;t building…</source>
        <translation>编辑楼栋(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../ui/registry/lists.py" line="84"/>
        <source>Edit the selected building (Ctrl+E)</source>
        <translation>编辑选中的楼栋（Ctrl+E）</translation>
    </message>
    <message>
        <location filename="../../ui/registry/lists.py" line="77"/>
        <source>&amp;New unit…</source>
        <translation>新建房屋(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../ui/registry/lists.py" line="137"/>
        <source>All units</source>
        <translation>全部房屋</translation>
    </message>
    <message>
        <location filename="../../ui/registry/lists.py" line="143"/>
        <source>%1  (%2 units)</source>
        <translation>%1（%2 套）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/registry/lists.py" line="74"/>
        <source>%n unit(s)</source>
        <translation>
            <numerusform>共 %n 套</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <location filename="../../ui/search/search_box.py" line="138"/>
        <source>Search unit 3-2-15, name, phone, pinyin zs, ticket, receipt or tracking no.  (Ctrl+K)</source>
        <translation>搜索房号 3-2-15、姓名、电话、拼音 zs、工单号、收据号、快递单号（Ctrl+K）</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings/dialog.py" line="36"/>
        <source>The folder of this file does not exist.</source>
        <translation>该文件所在的文件夹不存在。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/dialog.py" line="65"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../ui/settings/dialog.py" line="75"/>
        <source>empty: the SQLite file in the data folder; or postgresql+psycopg://…</source>
        <translation>留空：使用数据文件夹中的 SQLite 文件；或填写 postgresql+psycopg://…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/dialog.py" line="77"/>
        <source>&amp;Test connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/dialog.py" line="88"/>
        <source>&amp;Language</source>
        <translation>界面语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/dialog.py" line="89"/>
        <source>&amp;Database</source>
        <translation>数据库(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/dialog.py" line="93"/>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/settings/dialog.py" line="94"/>
        <source>Language and database changes apply when PropDesk is restarted.</source>
        <translation>界面语言和数据库的更改在重新启动 PropDesk 后生效。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/dialog.py" line="100"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/dialog.py" line="101"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/settings/dialog.py" line="115"/>
        <source>Connection works.</source>
        <translation>连接成功。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/dialog.py" line="118"/>
        <source>Cannot connect: %1</source>
        <translation>无法连接：%1</translation>
    </message>
    <message>
        <source>A file on this computer (one desk)</source>
        <translation>本机上的数据文件（单台电脑）</translation>
    </message>
    <message>
        <source>A PostgreSQL server (several desks)</source>
        <translation>PostgreSQL 服务器（多台电脑共用）</translation>
    </message>
    <message>
        <source>empty: the SQLite file in the data folder</source>
        <translation>留空：使用数据文件夹中的 SQLite 文件</translation>
    </message>
    <message>
        <source>Enter the server's host name or address.</source>
        <translation>请输入服务器名称或地址。</translation>
    </message>
    <message>
        <source>Enter a user name to test with.</source>
        <translation>请输入用于测试的用户名。</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>正在测试…</translation>
    </message>
</context>
<context>
    <name>UnitDialog</name>
    <message>
        <location filename="../../ui/registry/dialogs.py" line="379"/>
        <source>New unit</source>
        <translation>新建房屋</translation>
    </message>
    <message>
        <location filename="../../ui/registry/dialogs.py" line="379"/>
        <source>Edit unit</source>
        <translation>编辑房屋</translation>
    </message>
    <message>
        <location filename="../../ui/registry/dialogs.py" line="384"/>
        <source>m², e.g. 89.56</source>
        <translation>平方米，例如 89.56</translation>
    </message>
    <message>
        <location filename="../../ui/registry/dialogs.py" line="396"/>
        <source>e.g. 1502 (floor 15, room 02)</source>
        <translation>例如 1502（15层02室）</translation>
    </message>
    <message>
        <location filename="../../ui/registry/dialogs.py" line="397"/>
        <source>&amp;Building</source>
        <translation>楼栋(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../ui/registry/dialogs.py" line="398"/>
        <source>&amp;Entrance</source>
        <translation>单元(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/registry/dialogs.py" line="399"/>
        <source>&amp;Room</source>
        <translation>房号(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/registry/dialogs.py" line="400"/>
        <source>Floor</source>
        <translation>楼层</translation>
    </message>
    <message>
        <location filename="../../ui/registry/dialogs.py" line="400"/>
        <source>from the room number</source>
        <translation>由房号自动确定</translation>
    </message>
    <message>
        <location filename="../../ui/registry/dialogs.py" line="403"/>
        <source>Unit</source>
        <translation>房屋</translation>
    </message>
    <message>
        <location filename="../../ui/registry/dialogs.py" line="404"/>
        <source>&amp;Area (m²)</source>
        <translation>建筑面积（m²）(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/registry/dialogs.py" line="405"/>
        <source>&amp;Type</source>
        <translation>类型(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/registry/dialogs.py" line="406"/>
        <source>Stat&amp;us</source>
        <translation>状态(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/registry/dialogs.py" line="408"/>
        <source>&amp;Notes</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/registry/dialogs.py" line="452"/>
        <source>Add a building first.</source>
        <translation>请先新建楼栋。</translation>
    </message>
</context>
<context>
    <name>UnitPage</name>
    <message>
        <location filename="../../ui/registry/unit_page.py" line="55"/>
        <source>Area</source>
        <translation>建筑面积</translation>
    </message>
    <message>
        <location filename="../../ui/registry/unit_page.py" line="56"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/registry/unit_page.py" line="57"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/registry/unit_page.py" line="58"/>
        <source>Floor</source>
        <translation>楼层</translation>
    </message>
    <message>
        <location filename="../../ui/registry/unit_page.py" line="59"/>
        <source>Parking</source>
        <translation>车位</translation>
    </message>
    <message>
        <location filename="../../ui/registry/unit_page.py" line="60"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/registry/unit_page.py" line="61"/>
        <source>Unit</source>
        <translation>房屋</translation>
    </message>
    <message>
        <location filename="../../ui/registry/unit_page.py" line="74"/>
        <source>Current occupants</source>
        <translation>当前住户</translation>
    </message>
    <message>
        <location filename="../../ui/registry/unit_page.py" line="67"/>
        <source>Nobody is registered at this unit.</source>
        <translation>该房屋目前没有登记住户。</translation>
    </message>
    <message>
        <location filename="../../ui/registry/unit_page.py" line="82"/>
        <source>History</source>
        <translation>历史住户</translation>
    </message>
    <message>
        <location filename="../../ui/registry/unit_page.py" line="84"/>
        <source>&amp;Edit unit</source>
        <translation>编辑房屋(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/registry/unit_page.py" line="85"/>
        <source>&amp;Add occupant</source>
        <translation>登记住户(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/registry/unit_page.py" line="86"/>
        <source>&amp;Move out…</source>
        <translation>迁出(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../ui/registry/unit_page.py" line="128"/>
        <source>%1, entrance %2, floor %3</source>
        <translation>%1 %2单元 %3层</translation>
    </message>
    <message>
        <location filename="../../ui/registry/unit_page.py" line="138"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../ui/registry/unit_page.py" line="172"/>
        <source>Move out</source>
        <translation>迁出</translation>
    </message>
    <message>
        <location filename="../../ui/registry/unit_page.py" line="172"/>
        <source>Select the occupant who moves out first.</source>
        <translation>请先选择要迁出的住户。</translation>
    </message>
</context>
<context>
    <name>UnitsModel</name>
    <message>
        <location filename="../../ui/registry/list_models.py" line="126"/>
        <source>Unit</source>
        <translation>房号</translation>
    </message>
    <message>
        <location filename="../../ui/registry/list_models.py" line="127"/>
        <source>Floor</source>
        <translation>楼层</translation>
    </message>
    <message>
        <location filename="../../ui/registry/list_models.py" line="128"/>
        <source>Area</source>
        <translation>建筑面积</translation>
    </message>
    <message>
        <location filename="../../ui/registry/list_models.py" line="129"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/registry/list_models.py" line="130"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/registry/list_models.py" line="131"/>
        <source>Occupant</source>
        <translation>住户</translation>
    </message>
</context>
<context>
    <name>ServerForm</name>
    <message>
        <source>server name or IP address</source>
        <translation>服务器名称或 IP 地址</translation>
    </message>
    <message>
        <source>require: always encrypted; verify-full: also checks the server's certificate</source>
        <translation>require：始终加密；verify-full：还核对服务器证书</translation>
    </message>
    <message>
        <source>only to test; asked at each login</source>
        <translation>仅用于测试；每次登录时询问</translation>
    </message>
    <message>
        <source>never saved</source>
        <translation>不会保存</translation>
    </message>
    <message>
        <source>&amp;Host</source>
        <translation>服务器(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Port</source>
        <translation>端口(&amp;P)</translation>
    </message>
    <message>
        <source>Data&amp;base</source>
        <translation>数据库名(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Encryption (sslmode)</source>
        <translation>加密方式 sslmode(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;User</source>
        <translation>用户名(&amp;U)</translation>
    </message>
    <message>
        <source>Pass&amp;word</source>
        <translation>密码(&amp;W)</translation>
    </message>
</context>
<context>
    <name>ServerLoginDialog</name>
    <message>
        <source>Log in to the server</source>
        <translation>登录服务器</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>服务器：%1</translation>
    </message>
    <message>
        <source>&amp;User</source>
        <translation>用户名(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Log in</source>
        <translation>登录(&amp;L)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Server &amp;settings…</source>
        <translation>服务器设置(&amp;S)…</translation>
    </message>
    <message>
        <source>Enter your user name and password.</source>
        <translation>请输入用户名和密码。</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
</context>
</TS>
