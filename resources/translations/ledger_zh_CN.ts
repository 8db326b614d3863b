<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>MenuAction</name>
    <message>
      <source>Import owner ledger…</source>
      <translation>导入业主台账…</translation>
    </message>
    <message>
      <source>Download import template…</source>
      <translation>下载导入模板…</translation>
    </message>
    <message>
      <source>Export owner ledger…</source>
      <translation>导出业主台账…</translation>
    </message>
    <message>
      <source>Print owner ledger of a building…</source>
      <translation>打印楼栋业主台账…</translation>
    </message>
  </context>
  <context>
    <name>LedgerActions</name>
    <message>
      <source>Excel workbooks (*.xlsx)</source>
      <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Owner ledger</source>
      <translation>业主台账</translation>
    </message>
    <message>
      <source>Unexpected error: {0}</source>
      <translation>意外错误：{0}</translation>
    </message>
    <message>
      <source>Imported {0} rows: {1} new units ({2} already registered), {3} new people ({4} already registered), {5} occupancies.</source>
      <translation>已导入 {0} 行：新建房屋 {1} 套（已有 {2} 套），新建住户 {3} 人（已有 {4} 人），入住记录 {5} 条。</translation>
    </message>
    <message>
      <source>Household: {0} vehicles, {1} pets, {2} emergency contacts.</source>
      <translation>车辆 {0} 辆，宠物 {1} 只，紧急联系人 {2} 位。</translation>
    </message>
    <message>
      <source>New buildings: {0}</source>
      <translation>新建楼栋：{0}</translation>
    </message>
    <message>
      <source>Import owner ledger</source>
      <translation>导入业主台账</translation>
    </message>
    <message>
      <source>Checking {0}…</source>
      <translation>正在检查 {0}…</translation>
    </message>
    <message>
      <source>Importing {0}…</source>
      <translation>正在导入 {0}…</translation>
    </message>
    <message>
      <source>The file is correct: {0} rows. Importing creates {1} units, {2} people and {3} occupancies.</source>
      <translation>文件检查通过：共 {0} 行。导入将新建房屋 {1} 套、住户 {2} 人、入住记录 {3} 条。</translation>
    </message>
    <message>
      <source>Import now?</source>
      <translation>现在导入吗？</translation>
    </message>
    <message>
      <source>Cancelled: nothing was imported.</source>
      <translation>已取消，未导入任何数据。</translation>
    </message>
    <message>
      <source>Download import template</source>
      <translation>下载导入模板</translation>
    </message>
    <message>
      <source>Could not save the file:
{0}</source>
      <translation>无法保存文件：
{0}</translation>
    </message>
    <message>
      <source>Template saved: {0}
Fill in one row per person and unit, then import it.</source>
      <translation>模板已保存：{0}
每人每套房填写一行，填好后导入。</translation>
    </message>
    <message>
      <source>Choose a building</source>
      <translation>选择楼栋</translation>
    </message>
    <message>
      <source>No buildings are registered yet. Import an owner ledger first.</source>
      <translation>尚未登记任何楼栋，请先导入业主台账。</translation>
    </message>
    <message>
      <source>Export owner ledger</source>
      <translation>导出业主台账</translation>
    </message>
    <message>
      <source>Exporting the owner ledger…</source>
      <translation>正在导出业主台账…</translation>
    </message>
    <message>
      <source>Exported {0} rows to {1} (ID numbers masked).</source>
      <translation>已导出 {0} 行到 {1}（身份证号已打码）。</translation>
    </message>
    <message>
      <source>Print owner ledger</source>
      <translation>打印业主台账</translation>
    </message>
  </context>
  <context>
    <name>LedgerErrorModel</name>
    <message>
      <source>Row</source>
      <translation>行号</translation>
    </message>
    <message>
      <source>Column</source>
      <translation>列</translation>
    </message>
    <message>
      <source>Problem</source>
      <translation>问题</translation>
    </message>
    <message>
      <source>(whole row)</source>
      <translation>（整行）</translation>
    </message>
  </context>
  <context>
    <name>ImportErrorsDialog</name>
    <message>
      <source>Owner ledger not imported</source>
      <translation>业主台账未导入</translation>
    </message>
    <message>
      <source>Correct these cells in the file and import it again. Row numbers are Excel's.</source>
      <translation>请在文件中改正这些单元格后重新导入。行号与 Excel 中的行号一致。</translation>
    </message>
    <message>
      <source>&amp;Save report…</source>
      <translation>保存错误报告(&amp;S)…</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>Save error report</source>
      <translation>保存错误报告</translation>
    </message>
    <message>
      <source>Could not save the file:
{0}</source>
      <translation>无法保存文件：
{0}</translation>
    </message>
    <message>
      <source>Report saved: {0}</source>
      <translation>错误报告已保存：{0}</translation>
    </message>
  </context>
  <context>
    <name>BuildingChooser</name>
    <message>
      <source>All buildings</source>
      <translation>全部楼栋</translation>
    </message>
    <message>
      <source>{0} ({1} units)</source>
      <translation>{0}（{1} 套）</translation>
    </message>
    <message>
      <source>&amp;Building:</source>
      <translation>楼栋(&amp;B)：</translation>
    </message>
    <message>
      <source>OK</source>
      <translation>确定</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
  </context>
  <context>
    <name>PdfPreviewDialog</name>
    <message>
      <source>Print preview – {0}</source>
      <translation>打印预览 – {0}</translation>
    </message>
    <message>
      <source>Zoom out</source>
      <translation>缩小</translation>
    </message>
    <message>
      <source>Zoom in</source>
      <translation>放大</translation>
    </message>
    <message>
      <source>Fit width</source>
      <translation>适合宽度</translation>
    </message>
    <message>
      <source>Whole page</source>
      <translation>整页</translation>
    </message>
    <message>
      <source>&amp;Print…</source>
      <translation>打印(&amp;P)…</translation>
    </message>
    <message>
      <source>&amp;Save as PDF…</source>
      <translation>另存为 PDF(&amp;S)…</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>Save as PDF</source>
      <translation>另存为 PDF</translation>
    </message>
    <message>
      <source>Could not save the file:
{0}</source>
      <translation>无法保存文件：
{0}</translation>
    </message>
    <message>
      <source>Print</source>
      <translation>打印</translation>
    </message>
    <message>
      <source>The printer could not be opened.</source>
      <translation>无法打开打印机。</translation>
    </message>
    <message>
      <source>PDF files (*.pdf)</source>
      <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
      <source>Preparing {0}…</source>
      <translation>正在生成 {0}…</translation>
    </message>
    <message>
      <source>Unexpected error: {0}</source>
      <translation>意外错误：{0}</translation>
    </message>
    <message numerus="yes">
      <source>%n page(s)</source>
      <translation>
        <numerusform>共 %n 页</numerusform>
      </translation>
    </message>
  </context>
</TS>
