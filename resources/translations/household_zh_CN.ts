<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>EmergencyContactDialog</name>
    <message>
        <location filename="../../ui/household/dialogs.py" line="263"/>
        <source>Edit emergency contact</source>
        <translation>修改紧急联系人</translation>
    </message>
    <message>
        <location filename="../../ui/household/dialogs.py" line="263"/>
        <source>Add emergency contact</source>
        <translation>添加紧急联系人</translation>
    </message>
    <message>
        <location filename="../../ui/household/dialogs.py" line="269"/>
        <source>e.g. daughter, neighbour</source>
        <translation>如：女儿、邻居</translation>
    </message>
    <message>
        <location filename="../../ui/household/dialogs.py" line="274"/>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/household/dialogs.py" line="275"/>
        <source>&amp;Relation</source>
        <translation>关系(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/household/dialogs.py" line="276"/>
        <source>&amp;Phone</source>
        <translation>电话(&amp;P)</translation>
    </message>
</context>
<context>
    <name>HouseholdPanel</name>
    <message>
        <location filename="../../ui/household/panels.py" line="109"/>
        <source>Add… (Ins)</source>
        <translation>添加…（Ins）</translation>
    </message>
    <message>
        <location filename="../../ui/household/panels.py" line="113"/>
        <source>Edit… (Enter)</source>
        <translation>修改…（回车）</translation>
    </message>
    <message>
        <location filename="../../ui/household/panels.py" line="117"/>
        <source>Remove (Del)</source>
        <translation>移除（Del）</translation>
    </message>
    <message>
        <location filename="../../ui/household/panels.py" line="225"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../ui/household/panels.py" line="226"/>
        <source>Remove %1?</source>
        <translation>确定移除 %1 吗？</translation>
    </message>
    <message>
        <location filename="../../ui/household/panels.py" line="160"/>
        <source>(Ins adds one)</source>
        <translation>（按 Ins 添加）</translation>
    </message>
</context>
<context>
    <name>PetDialog</name>
    <message>
        <location filename="../../ui/household/dialogs.py" line="191"/>
        <source>Edit pet</source>
        <translation>修改宠物</translation>
    </message>
    <message>
        <location filename="../../ui/household/dialogs.py" line="191"/>
        <source>Add pet</source>
        <translation>添加宠物</translation>
    </message>
    <message>
        <location filename="../../ui/household/dialogs.py" line="199"/>
        <source>&amp;Kind</source>
        <translation>种类(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../ui/household/dialogs.py" line="200"/>
        <source>&amp;Name</source>
        <translation>名字(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/household/dialogs.py" line="201"/>
        <source>&amp;Vaccinated on</source>
        <translation>疫苗接种日期(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/household/dialogs.py" line="202"/>
        <source>&amp;Registration no.</source>
        <translation>登记证号(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/household/dialogs.py" line="223"/>
        <source>Last vaccinated over a year ago: remind the owner to renew it.</source>
        <translation>上次接种疫苗已超过一年，请提醒住户及时补种。</translation>
    </message>
</context>
<context>
    <name>UnitContactsPanel</name>
    <message>
        <location filename="../../ui/household/panels.py" line="322"/>
        <source>Emergency contacts</source>
        <translation>紧急联系人</translation>
    </message>
    <message>
        <location filename="../../ui/household/panels.py" line="325"/>
        <source>No emergency contact recorded.</source>
        <translation>未登记紧急联系人。</translation>
    </message>
    <message>
        <location filename="../../ui/household/panels.py" line="360"/>
        <source>(resident record: %1)</source>
        <translation>（住户资料·%1）</translation>
    </message>
</context>
<context>
    <name>UnitPetsPanel</name>
    <message>
        <location filename="../../ui/household/panels.py" line="286"/>
        <source>Pets</source>
        <translation>宠物</translation>
    </message>
    <message>
        <location filename="../../ui/household/panels.py" line="289"/>
        <source>No pet registered.</source>
        <translation>未登记宠物。</translation>
    </message>
    <message>
        <location filename="../../ui/household/panels.py" line="299"/>
        <source>vaccinated %1</source>
        <translation>%1 接种疫苗</translation>
    </message>
    <message>
        <location filename="../../ui/household/panels.py" line="301"/>
        <source>(over a year ago)</source>
        <translation>（已超过一年）</translation>
    </message>
    <message>
        <location filename="../../ui/household/panels.py" line="303"/>
        <source>no vaccination recorded</source>
        <translation>无疫苗记录</translation>
    </message>
    <message>
        <location filename="../../ui/household/panels.py" line="305"/>
        <source>registration %1</source>
        <translation>登记证 %1</translation>
    </message>
</context>
<context>
    <name>UnitVehiclesPanel</name>
    <message>
        <location filename="../../ui/household/panels.py" line="247"/>
        <source>Vehicles</source>
        <translation>车辆</translation>
    </message>
    <message>
        <location filename="../../ui/household/panels.py" line="250"/>
        <source>No vehicle registered.</source>
        <translation>未登记车辆。</translation>
    </message>
    <message>
        <location filename="../../ui/household/panels.py" line="258"/>
        <source>space %1</source>
        <translation>车位 %1</translation>
    </message>
    <message>
        <location filename="../../ui/household/panels.py" line="262"/>
        <source>monthly pass %1 to %2</source>
        <translation>月卡 %1 至 %2</translation>
    </message>
    <message>
        <location filename="../../ui/household/panels.py" line="267"/>
        <source>(pass lapsed)</source>
        <translation>（月卡已过期）</translation>
    </message>
</context>
<context>
    <name>VehicleDialog</name>
    <message>
        <location filename="../../ui/household/dialogs.py" line="118"/>
        <source>Edit vehicle</source>
        <translation>修改车辆</translation>
    </message>
    <message>
        <location filename="../../ui/household/dialogs.py" line="118"/>
        <source>Add vehicle</source>
        <translation>添加车辆</translation>
    </message>
    <message>
        <location filename="../../ui/household/dialogs.py" line="123"/>
        <source>e.g. 粤B12345</source>
        <translation>如 粤B12345</translation>
    </message>
    <message>
        <location filename="../../ui/household/dialogs.py" line="129"/>
        <source>&amp;Plate</source>
        <translation>车牌号(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/household/dialogs.py" line="130"/>
        <source>&amp;Type</source>
        <translation>车辆类型(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/household/dialogs.py" line="131"/>
        <source>Parking &amp;space</source>
        <translation>车位(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/household/dialogs.py" line="132"/>
        <source>Monthly pass &amp;from</source>
        <translation>月卡开始(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/household/dialogs.py" line="133"/>
        <source>Monthly pass unti&amp;l</source>
        <translation>月卡截止(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/household/dialogs.py" line="134"/>
        <source>&amp;Notes</source>
        <translation>备注(&amp;N)</translation>
    </message>
</context>
</TS>
