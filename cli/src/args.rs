//! The command's arguments, as `zipin --help` shows them.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use zipin_core::profile::ProfileId;

/// zipin（绩效自评计算器）：预算绩效自评表的执行率、得分、总分、等级与复核意见，与页面同一引擎。
#[derive(Parser)]
#[command(name = "zipin", version)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// 复核：每张表一行（填报与复核的总分、等级、执行率，错误、提醒、提示的条数）及其复核意见。
    /// 退出码：0 无错误；1 有表存在错误；2 有文件无法读取。
    Review(ReviewArgs),
    /// 一份文件的各张表逐行计分（--explain 写出每行的计算式）。
    Score(ScoreArgs),
    /// 转换为页面导出的格式，逐字节相同。
    Convert(ConvertArgs),
}

#[derive(Args)]
pub struct ReviewArgs {
    /// 文件、文件夹（连同子文件夹）或通配符（如 "报送/*.docx"）
    #[arg(required = true)]
    pub paths: Vec<String>,
    /// 输出格式
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// 写入文件（默认写到标准输出）
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// 评分口径：central（中央）、hunan、hubei、sichuan、beijing
    #[arg(long, value_parser = profile, default_value = "central")]
    pub profile: ProfileId,
}

#[derive(Args)]
pub struct ScoreArgs {
    /// 一份文件（.docx、.xlsx、.json、.csv、.tsv、.txt、.html）
    pub file: PathBuf,
    /// 写出每行得分的计算式
    #[arg(long)]
    pub explain: bool,
    /// 评分口径（默认：保存的文档用它自己的口径，其他文件用中央口径）
    #[arg(long, value_parser = profile)]
    pub profile: Option<ProfileId>,
}

#[derive(Args)]
pub struct ConvertArgs {
    /// 一份文件
    pub file: PathBuf,
    /// 目标格式
    #[arg(long, value_enum)]
    pub to: Target,
    /// 写入文件（默认写到标准输出）
    #[arg(long)]
    pub out: Option<PathBuf>,
}

/// How `review` writes its table.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// 对齐的文字表格，随后是各表的复核意见
    Table,
    /// 复核表（UTF-8 带 BOM，与页面复核台导出的相同）
    Csv,
    /// 每张表一个对象（见 CONTRACT.md “The command line”）
    Json,
    /// 复核表工作簿（与页面复核台导出的相同）
    Xlsx,
}

/// What `convert` writes: the page's 保存文档、复制为表格、下载 CSV、下载 Excel.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Target {
    Json,
    Tsv,
    Csv,
    Xlsx,
}

/// A rule profile by its key.
fn profile(key: &str) -> Result<ProfileId, String> {
    ProfileId::from_key(key).ok_or_else(|| {
        let keys: Vec<&str> = ProfileId::ALL.iter().map(|id| id.key()).collect();
        format!("没有这个评分口径，可选：{}", keys.join("、"))
    })
}
