<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>EmergencyContactDialog</name>
    <message>
        <location filename="../../ui/household/dialogs.py" line="231"/>
        <source>Edit emergency contact</source>
        <translation>修改紧急联系人</translation>
    </message>
    <message>
        <location filename="../../ui/household/dialogs.py" line="231"/>
        <source>Add emergency contact</source>
        <translation>添加紧急联系人</translation>
    </message>
    <message>
        <location filename="../../ui/household/dialogs.py" line="237"/>
        <source>e.g. daughter, neighbour</source>
        <translation>如：女儿、邻居</translation>
    </message>
    <message>
        <location filename="../../ui/household/dialogs.py" line="242"/>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/household/dialogs.py" line="243"/>
        <source>&amp;Relation</source>
        <translation>关系(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/household/dialogs.py" line="244"/>
        <source>&amp;Phone</source>
        <translation>电话(&amp;P)</translation>
    </message>
</context>
<context>
    <name>HouseholdPanel</name>
    <message>
        <location filename="../../ui/household/panels.py" line="96"/>
        <source>Add… (Ins)</source>
        <translation>添加…（Ins）</translation>
    </message>
    <message>
        <location filename="../../ui/household/panels.py" line="100"/>
        <source>Edit… (Enter)</source>
        <translation>修改…（回车）</translation>
    </message>
    <message>
        <location filename="../../ui/household/panels.py" line="104"/>
        <source>Remove (Del)</source>
        <translation>移除（Del）</translation>
    </message>
    <message>
        <location filename="../../ui/household/panels.py" line="205"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../ui/household/panels.py" line="206"/>
        <source>Remove %1?</source>
        <translation>确定移除 %1 吗？</translation>
    </message>
    <message>
        <source>(Ins adds one)</source>
        <translation>（按 Ins 添加）</translation>
    </message>
</context>
<context>
    <name>PetDialog</name>
    <message>
        <location filename="../../ui/household/dialogs.py" line="186"/>
        <source>Edit pet</source>
        <translation>修改宠物</translation>
    </message>
    <message>
        <location filename="../../ui/household/dialogs.py" line="186"/>
        <source>Add pet</source>
        <translation>添加宠物</translation>
    </message>
    <message>
        <location filename="../../ui/household/dialogs.py" line="194"/>
        <source>&amp;Kind</source>
        <translation>种类(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../ui/household/dialogs.py" line="195"/>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/household/dialogs.py" line="196"/>
        <source>&amp;Vaccinated on</source>
        <translation>疫苗接种日期(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/household/dialogs.py" line="197"/>
        <source>&amp;Registration no.</source>
        <translation>登记证号(&amp;R)</translation>
    </message>
</context>
<context>
    <name>UnitContactsPanel</name>
    <message>
        <location filename="../../ui/household/panels.py" line="300"/>
        <source>Emergency contacts</source>
        <translation>紧急联系人</translation>
    </message>
    <message>
        <location filename="../../ui/household/panels.py" line="303"/>
        <source>No emergency contact recorded.</source>
        <translation>未登记紧急联系人。</translation>
    </message>
</context>
<context>
    <name>UnitPetsPanel</name>
    <message>
        <location filename="../../ui/household/panels.py" line="266"/>
        <source>Pets</source>
        <translation>宠物</translation>
    </message>
    <message>
        <location filename="../../ui/household/panels.py" line="269"/>
        <source>No pet registered.</source>
        <translation>未登记宠物。</translation>
    </message>
    <message>
        <location filename="../../ui/household/panels.py" line="279"/>
        <source>vaccinated %1</source>
        <translation>%1 接种疫苗</translation>
    </message>
    <message>
        <location filename="../../ui/household/panels.py" line="281"/>
        <source>no vaccination recorded</source>
        <translation>无疫苗记录</translation>
    </message>
    <message>
        <location filename="../../ui/household/panels.py" line="283"/>
        <source>registration %1</source>
        <translation>登记证 %1</translation>
    </message>
</context>
<context>
    <name>UnitVehiclesPanel</name>
    <message>
        <location filename="../../ui/household/panels.py" line="227"/>
        <source>Vehicles</source>
        <translation>车辆</translation>
    </message>
    <message>
        <location filename="../../ui/household/panels.py" line="230"/>
        <source>No vehicle registered.</source>
        <translation>未登记车辆。</translation>
    </message>
    <message>
        <location filename="../../ui/household/panels.py" line="238"/>
        <source>space %1</source>
        <translation>车位 %1</translation>
    </message>
    <message>
        <location filename="../../ui/household/panels.py" line="242"/>
        <source>monthly pass %1 to %2</source>
        <translation>月卡 %1 至 %2</translation>
    </message>
    <message>
        <location filename="../../ui/household/panels.py" line="247"/>
        <source>(pass lapsed)</source>
        <translation>（月卡已过期）</translation>
    </message>
</context>
<context>
    <name>VehicleDialog</name>
    <message>
        <location filename="../../ui/household/dialogs.py" line="133"/>
        <source>Edit vehicle</source>
        <translation>修改车辆</translation>
    </message>
    <message>
        <location filename="../../ui/household/dialogs.py" line="133"/>
        <source>Add vehicle</source>
        <translation>添加车辆</translation>
    </message>
    <message>
        <location filename="../../ui/household/dialogs.py" line="138"/>
        <source>e.g. 粤B12345</source>
        <translation>如 粤B12345</translation>
    </message>
    <message>
        <location filename="../../ui/household/dialogs.py" line="144"/>
        <source>&amp;Plate</source>
        <translation>车牌号(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/household/dialogs.py" line="145"/>
        <source>&amp;Type</source>
        <translation>车辆类型(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/household/dialogs.py" line="146"/>
        <source>Parking &amp;space</source>
        <translation>车位(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/household/dialogs.py" line="147"/>
        <source>Monthly pass &amp;from</source>
        <translation>月卡开始(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/household/dialogs.py" line="148"/>
        <source>Monthly pass unti&amp;l</source>
        <translation>月卡截止(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/household/dialogs.py" line="149"/>
        <source>&amp;Notes</source>
        <translation>备注(&amp;N)</translation>
    </message>
</context>
</TS>
