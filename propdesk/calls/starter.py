"""The starter knowledge base (答客问) and directory a new estate begins with; the manager
edits them afterwards. Figures in brackets are the estate's to fill in."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.calls.kb import set_terms
from propdesk.calls.models import DirectoryEntry, KbEntry
from propdesk.calls.textkeys import search_key
from propdesk.session_info import actor_name

# (category, question, answer, tags, related ticket categories)
STARTER_KB: tuple[tuple[str, str, str, str, str], ...] = (
    (
        "物业费",
        "物业费怎么收？标准是多少？",
        "物业费按房屋建筑面积计收，住宅标准以《物业服务合同》和物价部门备案为准（前台可查本户账单）。"
        "按季度或年度预交，每期账单出具后30天内缴清；逾期按合同约定计收滞纳金。"
        "可在服务中心前台刷卡、扫码或转账缴纳，缴费后开具收据。",
        "物业费 收费标准 缴费 账单",
        "咨询",
    ),
    (
        "物业费",
        "缴费方式有哪些？能开发票吗？",
        "可在服务中心前台现金、刷卡、微信/支付宝扫码缴费，也可银行转账（请在附言注明房号）。"
        "缴费后当场开具收据；需要增值税发票的，请提供抬头和税号，财务在7个工作日内开具，可到前台领取或邮寄电子发票。",
        "缴费 发票 转账 扫码",
        "咨询",
    ),
    (
        "物业费",
        "房子空着没人住，物业费能减免吗？",
        "空置房按《物业服务合同》约定的空置优惠执行（如有），需业主到前台办理空置登记，"
        "经工作人员入户确认水电表读数后，从登记次月起按优惠标准计费。未办理登记的按正常标准收取。",
        "空置 减免 优惠",
        "咨询",
    ),
    (
        "装修",
        "装修要办什么手续？",
        "开工前业主（或委托人）携带房产证明、身份证、装修图纸和施工单位资质到服务中心办理装修申请，"
        "签订《装修管理协议》，缴纳装修押金，为施工人员办理出入证。审批通过后领取装修许可证张贴在户门上方可施工。"
        "涉及拆改承重墙、外立面、燃气管道的不予批准。",
        "装修 申请 押金 出入证 许可证",
        "装修",
    ),
    (
        "装修",
        "装修施工时间有什么规定？周末能装修吗？",
        "工作日施工时间为 8:00–12:00、14:00–18:00；电钻、切割等噪音作业限于 9:00–12:00、14:30–17:30。"
        "周六、周日及法定节假日禁止噪音施工，只可进行不产生噪音的作业。违规施工的，管家会上门劝阻，屡劝不改的暂停施工。",
        "装修 时间 周末 噪音 电钻",
        "装修,噪音投诉",
    ),
    (
        "装修",
        "装修押金什么时候退？",
        "装修完工后，业主到前台申请验收，工程人员在3个工作日内上门检查（有无损坏公共设施、违规改动）。"
        "验收合格且装修垃圾清运完毕后，凭押金收据和身份证在前台办理退款；有扣款的会出具扣款明细。",
        "装修押金 退款 验收",
        "装修",
    ),
    (
        "入住",
        "新房入住（交房）要带哪些材料？",
        "请携带：购房合同原件及复印件、业主身份证原件及复印件、入住通知书；委托他人办理的另带授权委托书和受托人身份证。"
        "现场需签署《业主临时管理规约》，预交物业费，领取钥匙并与工作人员一起验房、抄录水电燃气表底数。",
        "入住 交房 材料 钥匙 验房",
        "咨询",
    ),
    (
        "入住",
        "租户搬进来要登记吗？",
        "需要。租户入住时请业主或租户携带租赁合同、双方身份证到前台办理住户登记，登记后可办理门禁卡和车辆登记。"
        "租户退租搬离时请到前台办理搬出登记（搬家放行条）。",
        "租户 登记 租赁 门禁卡",
        "咨询",
    ),
    (
        "停车",
        "怎么办理月卡停车？收费多少？",
        "携带行驶证、身份证及房产证明（租户带租赁合同）到前台办理，车位紧张时按登记顺序排队。"
        "月卡收费以小区公示价格为准；临时停车按时计费，首30分钟免费。业主购买或长租产权车位的，办理车位登记即可。",
        "停车 月卡 车位 临时停车",
        "咨询",
    ),
    (
        "停车",
        "我的车位被别人占了怎么办？",
        "请告知车位号和占用车辆的车牌，我们立即通知秩序维护员到场，通过车辆登记信息联系车主挪车；"
        "联系不上的在车上张贴挪车通知。处理结果会回电告知您。",
        "车位 被占 挪车",
        "秩序,投诉",
    ),
    (
        "宠物",
        "小区养狗有什么规定？",
        "请按照当地养犬管理规定为犬只办理登记和免疫；出户必须拴绳（牵引绳不超过1.5米）并由成年人牵领，"
        "主动避让老人儿童，乘电梯时抱起或靠边。及时清理粪便。禁止饲养烈性犬。被投诉的，管家会上门提醒。",
        "宠物 养狗 牵绳 犬只",
        "投诉",
    ),
    (
        "噪音",
        "楼上太吵了（噪音扰民）怎么办？",
        "先了解噪音类型和时间：装修噪音在禁止时段的，我们马上派人制止；生活噪音（跑跳、拖椅子、深夜音响）由管家上门沟通提醒。"
        "22:00 后的持续噪音可同时拨打110 报警。我们会登记投诉并在处理后回电告知结果。",
        "噪音 扰民 楼上 吵",
        "噪音投诉",
    ),
    (
        "快递",
        "快递可以放前台代收吗？放多久？",
        "前台可代收快递，签收后短信或电话通知您，凭取件码或房号和姓名领取。"
        "生鲜、贵重物品、到付件不代收。代收件保管7天，超过7天仍未领取的会电话提醒，必要时退回快递员。",
        "快递 代收 取件 包裹",
        "咨询",
    ),
    (
        "钥匙",
        "钥匙丢了/被锁在门外怎么办？",
        "如您在前台寄存了备用钥匙，核对身份（身份证、住户登记）后即可借用，用后归还。"
        "没有寄存的，我们可提供有公安备案的开锁服务电话（见常用电话），开锁时需出示身份证明并由保安在场见证。"
        "门禁卡丢失可到前台挂失补办（收取工本费）。",
        "钥匙 丢失 开锁 门禁卡 寄存",
        "咨询",
    ),
    (
        "维修",
        "家里漏水/停水了怎么报修？",
        "请先关闭总阀减少损失。我们马上登记报修工单，维修人员一般在30分钟内联系您上门（紧急漏水立即处理）。"
        "户内设施维修属有偿服务，按公示价格收费；公共管道问题免费维修。先查看是否有停水公告（前台来电卡片顶部有提示）。",
        "漏水 报修 停水 维修",
        "报修,水电维修",
    ),
    (
        "维修",
        "报修后多久有人来？收费吗？",
        "一般报修在30分钟内电话联系、2小时内上门；紧急情况（漏水、断电、困梯）立即处理。"
        "公共部位维修免费；户内维修收取人工费和材料费，收费标准在前台公示，完工后凭工单结算。",
        "报修 时效 收费 上门",
        "报修",
    ),
    (
        "电梯",
        "电梯困人怎么办？",
        "请保持冷静，不要扒门，按电梯内警铃或拨打轿厢内的救援电话。我们立即通知电梯维保单位和值班人员，"
        "救援人员一般在30分钟内到达。前台会保持与您通话直到救出。",
        "电梯 困人 救援",
        "报修",
    ),
    (
        "垃圾",
        "大件垃圾、装修垃圾怎么处理？",
        "生活垃圾按分类投放到指定垃圾桶；大件家具请提前告知前台，放到指定堆放点统一清运。"
        "装修垃圾须装袋后堆放到装修垃圾临时堆放点，不得堆在楼道，清运费按装修协议执行。",
        "垃圾 大件 装修垃圾 分类",
        "保洁",
    ),
)

# (category, name, phone, notes)
STARTER_DIRECTORY: tuple[tuple[str, str, str, str], ...] = (
    ("police", "报警", "110", "治安案件、深夜噪音扰民"),
    ("police", "火警", "119", ""),
    ("police", "急救中心", "120", ""),
    ("water", "自来水公司客服", "96116", "市政停水、水质问题"),
    ("power", "供电服务热线", "95598", "市政停电、电费"),
    ("gas", "燃气公司客服", "96777", "燃气泄漏请先关阀开窗，不要开关电器"),
    ("telecom", "中国电信", "10000", "宽带、固话报修"),
    ("telecom", "中国移动", "10086", ""),
    ("telecom", "中国联通", "10010", ""),
    ("community", "社区居委会", "0755-26000000", "居住证明、计生、社区活动"),
    ("community", "街道办事处", "0755-26000001", ""),
    ("community", "市民热线", "12345", "政府服务投诉与咨询"),
    ("contractor", "电梯维保单位（24小时）", "400-800-0000", "困梯救援"),
    ("contractor", "备案开锁服务", "0755-26000002", "须出示身份证明，保安在场见证"),
    ("contractor", "化粪池/管道疏通", "0755-26000003", ""),
)


def install_starter_set(session: Session, *, expires_in_days: int = 365) -> int:
    """Add the starter entries and numbers to an empty knowledge base / directory.
    Returns how many entries were added (0 when the knowledge base already has some)."""
    added = 0
    today = clock.today(session)
    owner = actor_name(session)
    if not session.scalar(select(func.count(KbEntry.id))):
        for category, question, answer, tags, ticket_categories in STARTER_KB:
            entry = KbEntry(
                question=question,
                answer=answer,
                category=category,
                tags=tags,
                ticket_categories=ticket_categories,
                owner_name=owner,
                last_checked=today,
                expires_on=today + timedelta(days=expires_in_days),
                search_key=search_key(question, tags, category, ticket_categories, answer),
            )
            session.add(entry)
            session.flush()
            set_terms(session, entry)
            added += 1
    if not session.scalar(select(func.count(DirectoryEntry.id))):
        for category, name, phone, notes in STARTER_DIRECTORY:
            session.add(
                DirectoryEntry(
                    name=name,
                    category=category,
                    phone=phone,
                    notes=notes,
                    search_key=search_key(name, notes) + " " + phone.replace("-", ""),
                )
            )
    session.flush()
    return added
