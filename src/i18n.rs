//! Every string of the page, Chinese first and English second, in one table. The grade
//! (优/良/中/差) and the engine's findings stay Chinese in both languages: they are what the
//! official forms and reviewers use. The engine's import notices, errors and reading words
//! are worded in `messages`, from the engine's own data.

/// The page language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    /// The `lang` attribute value.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    /// The language the switch offers: the one not shown.
    pub fn other(self) -> Lang {
        match self {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        }
    }

    /// The name the setting is saved under, read back by [`Lang::from_key`].
    pub fn key(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    /// The language a URL parameter or saved setting names (`zh`, `en`).
    pub fn from_key(key: &str) -> Option<Lang> {
        match key {
            "zh" | "zh-CN" | "cn" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

macro_rules! strings {
    ($($key:ident => $zh:literal, $en:literal;)*) => {
        /// A string of the page.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum T { $($key,)* }

        impl T {
            /// The string in `lang`.
            pub fn text(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((T::$key, Lang::Zh) => $zh, (T::$key, Lang::En) => $en,)*
                }
            }
        }
    };
}

strings! {
    AppTitle => "绩效自评计算器", "Performance Self-Evaluation Calculator";
    AppTagline => "预算绩效自评表：执行率、得分、总分、等级与复核意见，全部在本机计算，数据不出本机。",
        "Budget performance self-evaluation forms: rates, scores, total, grade and review findings, computed on this PC; no data leaves it.";
    SwitchLanguage => "English", "中文";
    FormName => "名称", "Name";
    FormNameDepartment => "部门名称", "Department";
    FormNameProject => "项目名称", "Project";
    KindDepartment => "部门整体支出绩效自评表", "Department-wide self-evaluation";
    KindProject => "项目支出绩效自评表", "Project self-evaluation";
    Funds => "资金情况", "Funds";
    FundsRow => "项目", "Row";
    Initial => "年初预算数", "Initial budget";
    FullYear => "全年预算数", "Full-year budget (A)";
    Executed => "全年执行数", "Executed (B)";
    Weight => "分值", "Weight";
    Rate => "执行率", "Execution rate";
    Score => "得分", "Score";
    BudgetScore => "预算执行得分", "Budget score";
    ClaimedRate => "填报执行率", "Rate as filed";
    ClaimedScore => "填报得分", "Score as filed";
    ClaimedTotal => "填报总分", "Total as filed";
    ClaimedGrade => "填报等级", "Grade as filed";
    FundsReason => "执行偏差原因", "Reason for low execution";
    ReviewReport => "复核意见书", "Review report";
    PrintPreview => "打印预览", "Print preview";
    PrintNow => "打印", "Print";
    PrintAppendix => "附复核意见", "with the review findings";
    OpenFile => "打开文件", "Open file";
    OpenFileHint => "打开 .json（zipin 文档）、.docx、.xlsx、.csv、.txt 或 .html 文件；也可以把文件拖到页面上",
        "Open a .json (zipin document), .docx, .xlsx, .csv, .txt or .html file; or drop it on the page";
    ExportTsv => "复制为表格", "Copy as table (TSV)";
    ExportCsv => "下载 CSV", "Download CSV";
    ExportXlsx => "下载 Excel", "Download Excel";
    ExportJson => "保存文档（JSON）", "Save document (JSON)";
    Print => "打印", "Print";
    CopiedTsv => "已复制：可直接粘贴到 Excel 或 WPS 表格", "Copied: paste into Excel or WPS";
    OpenedDocument => "已打开文档：", "Opened document: ";
    DownloadOffline => "下载离线版", "Download offline version";
    OfflineHint => "下载一个 .html 文件：在没有网络的电脑上双击即可打开使用", "One .html file that works on a PC without a network";
    WithDocument => "含当前文档", "with this document";
    CopyReport => "复制", "Copy";
    PrintReport => "打印", "Print";
    CloseReport => "关闭", "Close";
    Copied => "已复制到剪贴板", "Copied";
    CopyFailed => "浏览器不允许复制：请选中下方文字后按 Ctrl+C。", "The browser refused: select the text below and press Ctrl+C.";
    Claimed => "填报", "Filed";
    Computed => "计算", "Computed";
    Differs => "不一致", "differs";
    Level1 => "一级指标", "Level 1";
    Level2 => "二级指标", "Level 2";
    Level3 => "三级指标", "Indicator";
    Target => "年度指标值", "Target (A)";
    Actual => "实际完成值", "Actual (B)";
    EnteredScore => "得分", "Score";
    ComputedScore => "计算得分", "Computed";
    Reason => "偏差原因分析及改进措施", "Reasons for deviation";
    Actions => "操作", "Actions";
    AddRow => "＋ 添加指标", "+ Add indicator";
    InsertRow => "在下方插入", "Insert below";
    RemoveRow => "删除", "Delete";
    Subtotal => "小计", "Subtotal";
    Indicators => "绩效指标", "Performance indicators";
    Total => "总分", "Total";
    Grade => "等级", "Grade";
    CannotCompute => "无法计算", "Cannot compute";
    WhyUnitsDiffer => "单位对不上", "Units differ";
    WhyNoLevel => "请选达成度", "Choose a level";
    WhyIncomplete => "未填完整", "Incomplete";
    NotGiven => "—", "—";
    DeclaredWeight => "声明分值", "declared weight";
    Points => "分", " pts";
    WeightSum => "各三级指标分值合计", "Sum of the indicators' weights";
    Findings => "复核意见", "Review findings";
    NoFindings => "未发现问题。", "No findings.";
    StartHint => "把自评表粘贴到上方，或在左侧录入：总分、等级和复核意见会随之出现在这里。",
        "Paste a form above, or type one in: its total, grade and findings appear here.";
    PreviousFinding => "上一条意见（Shift+F8）", "Previous finding (Shift+F8)";
    NextFinding => "下一条意见（F8）", "Next finding (F8)";
    WeightSumShort => "分值合计", "Weights";
    SeverityError => "错误", "Errors";
    SeverityWarning => "提醒", "Warnings";
    SeverityInfo => "提示", "Notes";
    Summary => "汇总", "Summary";
    Forms => "本文档的表", "Forms of this document";
    SummaryName => "表名", "Form";
    SummaryFindings => "问题数", "Findings";
    ClaimedTotalShort => "申报总分", "Filed total";
    ReviewedTotal => "复核总分", "Reviewed total";
    Difference => "差异", "Difference";
    ClaimedGradeShort => "申报等级", "Filed grade";
    ReviewedGrade => "复核等级", "Reviewed grade";
    OpenForm => "点击打开此表", "Click to open this form";
    ProfileNow => "已改用评分口径：", "Rule profile now: ";
    ProfileChanges => "本文档变化：", "On this document: ";
    ProfileChangesNothing => "本文档各表的总分和等级不变。", "no form's total or grade changes.";
    CopyFormReport => "复制本单位意见", "Copy this unit's memo";
    Conclusion => "结论：", "Conclusion: ";
    AlreadyInDocument => "注意：这些表本文档里已经有了，现在各有两份（不需要的请删除）：",
        "Note: the document already held these forms, and now holds each twice (delete the copies you do not need): ";
    Suggested => "建议", "suggested";
    UnitsNote => "金额单位：万元", "Amounts in 10,000 yuan";
    PasteTitle => "粘贴自评表", "Paste a form";
    PasteHint => "从 Excel、WPS 或 Word 复制自评表（可以是整份报告），在下框中粘贴即自动导入；也可以把文字放进框内后点“导入”。",
        "Copy a form (or a whole report) from Excel, WPS or Word and paste it below: it imports at once. Or put text in the box and press Import.";
    PasteLabel => "粘贴区", "Paste box";
    ImportButton => "导入", "Import";
    ModeAppend => "追加到当前文档", "Add to this document";
    ModeReplace => "替换当前文档", "Replace this document";
    ImportedForms => "已导入", "Imported";
    FormsUnit => "张表", "form(s)";
    MappingTitle => "有的列没能识别，请指定各列的含义（选择会被记住，下次同样的表格直接导入）：",
        "Some columns were not recognized. Choose what each column holds (remembered for this layout):";
    MappingHeaderless => "这张表没有表头，请为每列选择含义：", "This table has no header row. Choose what each column holds:";
    MappingApply => "按此导入", "Import with these columns";
    RoleIgnore => "（忽略此列）", "(ignore)";
    MappingHeld => "这次粘贴还没有导入：有的列装着数字，但表头没能识别。请在下面指定这些列的含义，再点“按此导入”。",
        "Nothing was imported yet: some columns hold numbers under headers zipin does not know. Say what they hold below, then press Import with these columns.";
    ReadingPaste => "正在读取粘贴的内容（{size}）……", "Reading the paste ({size})…";
    ViewEditor => "填报与计算", "Forms";
    ViewDesk => "复核台", "Reviewer's desk";
    ViewNarrative => "报告正文", "Report text";
    NarrativeTitle => "报告正文：文字与表格对照", "Report text against its forms";
    NarrativeHint => "读取正文中带标签的数字（预算收入、年初预算、调整增加、支出、基本支出、项目支出、全年预算数、执行数、执行率、自评得分、等级），核对“其中”各项之和，并与对应的自评表核对；没有这些标签的数字不读，不做猜测。",
        "Figures the text states with a label zipin knows (预算收入, 支出, 全年预算数, 执行数, 执行率, 自评得分, 等级 …) are checked: sums after 其中, and against the matching form. Figures without such a label are left alone; nothing is guessed.";
    NarrativeClean => "正文中读到的数字与自评表一致，加总无误。", "The figures the text states agree with the forms and add up.";
    NarrativeFindings => "正文复核意见", "Findings on the text";
    NarrativeUnchecked => "正文很长：只核对了前 {n} 段（256 KB），其后的段落未核对。", "The text is long: only its first {n} paragraphs (256 KB) were checked; the rest were not.";
    ShowSentence => "看原文", "Show the sentence";
    ShowFormCell => "看自评表", "Show the form";
    NarrativeEdit => "编辑正文（每段一行，改动后立即重新核对）", "Edit the text (one paragraph a line; checked again as you type)";
    DeskTitle => "复核台：批量复核", "Reviewer's desk: many reports at once";
    DeskHint => "选择多个文件、一个文件夹或一个 .zip 压缩包（.docx、.xlsx、.json、.csv、.txt、.html），每张表一行；也可把文件或文件夹拖到页面上。文件只在本机读取。",
        "Choose many files, a folder or a .zip (.docx, .xlsx, .json, .csv, .txt, .html): one row per form. You can also drop files or a folder on the page. Files are read on this PC only.";
    DeskChooseFiles => "选择文件", "Choose files";
    DeskChooseFolder => "选择文件夹", "Choose a folder";
    DeskReading => "正在读取", "Reading";
    DeskFailed => "个文件未能读取", " files could not be read";
    DeskSkipped => "个文件已在复核集中，未重复读取", " files were already in the set and were not read again";
    DeskEmpty => "还没有复核集：选择文件或文件夹开始。当前文档的各表也在下表中。",
        "No review set yet: choose files or a folder to start. The open document's forms are in the table below.";
    DeskCounts => "{files} 份文件，{forms} 张表；{errors} 张有错误；{changed} 张等级与填报不同",
        "{files} files, {forms} forms; {errors} with errors; {changed} whose grade differs from the one filed";
    FilterErrors => "只看有错误的", "Errors only";
    FilterGradeChanged => "只看等级变化的", "Grade changed";
    FilterKind => "类型", "Kind";
    FilterUnit => "单位", "Unit";
    FilterAll => "全部", "All";
    FilterSearch => "按单位、名称或文件查找", "Find by unit, name or file";
    ExportTableXlsx => "导出复核表（.xlsx）", "Table as .xlsx";
    ExportTableCsv => "导出复核表（.csv）", "Table as .csv";
    ExportMemos => "下载各单位复核意见书（.zip）", "Each unit's memo (.zip of .docx)";
    PrintMemos => "打印复核意见汇总", "Print every memo";
    ColumnFile => "文件", "File";
    ColumnUnit => "单位", "Unit";
    ColumnKind => "类型", "Kind";
    ColumnName => "名称", "Name";
    ColumnRate => "执行率", "Rate";
    ColumnErrors => "错误", "Errors";
    ColumnWarnings => "提醒", "Warnings";
    ColumnInfos => "提示", "Notes";
    KindDepartmentShort => "部门整体", "Department";
    KindProjectShort => "项目支出", "Project";
    ShownRows => "显示", "Showing";
    OpenInEditor => "在填报页打开这张表", "Open this form in the editor";
    ChartGrades => "等级：填报与复核", "Grades: filed and reviewed";
    ChartTotals => "总分：填报与复核", "Totals: filed against reviewed";
    ChartSections => "本表各一级指标得分", "This form's sections";
    ChartFiled => "填报", "Filed";
    ChartReviewed => "复核", "Reviewed";
    ChartNoGrade => "无", "None";
    ChartOverClaimed => "张填报总分高于复核总分", " forms claim more than they score";
    ChartLost => "失分", "lost";
    ReadingTitle => "导入读取情况", "How the import was read";
    DeskNeedsMapping => "表头没能识别，有的列装着数字：请在填报页打开这个文件，指定各列的含义。",
        "Its headers were not recognized and some columns hold numbers: open the file in the editor and say what they hold.";
    ReadingColumns => "读入列数 ", "columns read: ";
    ReadingBudgetWeight => "预算执行分值来自", "Budget weight from";
    ReadingSkipped => "未作为指标读入的行 ", "rows not read as indicators: ";
    ReadingMissing => "缺少的列（这些数据无从核对）：", "Columns missing (these figures cannot be checked): ";
    ReadingCorrect => "更正列的含义", "Correct the columns";
    ReadingIgnored => "未读入", "left out";
    ReadingFormHeader => "本表的导入读取情况", "How this form was read";
    NoFormInFile => "文件里没有可评分的表。", "The file holds no form to score.";
    NoHeader => "（无表头）", "(no header)";
    ColumnNumber => "第 {n} 列", "Column {n}";
    ImportedWithGaps => "已导入，但有的表缺少需要的列，见下方说明", "Imported, but some forms lack columns they need: see below";
    Document => "文档", "Document";
    DocumentName => "文档名称", "Document name";
    Documents => "我的文档", "My documents";
    NewDocument => "＋ 新建文档", "+ New document";
    OpenDocument => "打开", "Open";
    DeleteDocument => "删除", "Delete";
    UntitledDocument => "未命名文档", "Untitled document";
    Undo => "撤销", "Undo";
    Redo => "重做", "Redo";
    Profile => "评分口径", "Rule profile";
    Saved => "已自动保存到本机", "Saved on this PC";
    NotSaved => "无法保存到本机（浏览器禁止了本地存储或空间已满），关闭页面后修改会丢失：请下载备份。",
        "Cannot save on this PC (storage is blocked or full): changes are lost when the page closes. Download a copy.";
    DownloadCopy => "下载备份（JSON）", "Download a copy (JSON)";
    StartProblem => "上次保存的文档无法打开：", "The last saved document could not be opened: ";
    DownloadRaw => "下载原始数据", "Download the raw data";
    FormKind => "表的类型", "Form kind";
    DuplicateForm => "复制本表", "Duplicate";
    MoveLeft => "左移", "Move left";
    MoveRight => "右移", "Move right";
    DeleteForm => "删除本表", "Delete form";
    MoveUp => "上移", "Move up";
    MoveDown => "下移", "Move down";
    AddSection => "＋ 一级指标", "+ Section";
    RemoveSection => "删除此一级指标", "Delete section";
    LevelAuto => "自动", "Auto";
    Conflict => "这个文档刚在另一个标签页中被修改。为免互相覆盖，本页已暂停保存：请选择保留哪个版本。",
        "This document was just changed in another tab. Saving here is paused so neither overwrites the other: choose which version stays.";
    ConflictLoad => "载入另一个标签页的版本", "Load the other tab's version";
    ConflictKeep => "保留本页的版本", "Keep this tab's version";
    CrashTitle => "页面出错了", "The page has crashed";
    CrashBody => "很抱歉，页面遇到意外错误。您最近保存的数据仍在本机，可下载备份后刷新页面。",
        "Sorry, the page hit an unexpected error. Your last saved document is still on this PC: download it, then reload.";
}
