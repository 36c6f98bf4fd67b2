//! The `zipin` command on real-looking files: a generated set of reports (written by
//! independent writers) reviewed to the engine's own figures and findings, each output format
//! read back, the exit statuses, a folder with files that cannot be read, archives, globs,
//! the hostile-input caps, `score` and `convert`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

#[path = "../../core/tests/support/mod.rs"]
mod support;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

/// A fresh folder for one test.
fn folder(test: &str) -> PathBuf {
    let path = std::env::temp_dir().join(format!("zipin-cli-{}-{test}", std::process::id()));
    let _ = std::fs::remove_dir_all(&path);
    std::fs::create_dir_all(&path).unwrap();
    path
}

fn zipin(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_zipin"))
        .args(args)
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

/// Writes the generated set's files into `dir`, and returns the engine's records for them.
fn generated_set(dir: &Path, files: usize) -> Vec<Value> {
    let set = support::review_set::generate(files, 7);
    for file in &set {
        std::fs::write(dir.join(&file.name), &file.bytes).unwrap();
    }
    support::review_set::expected_records(&set)
}

/// A record's figures and findings, without the findings' row ids (numbered by each reader).
fn figures(record: &Value) -> Value {
    let mut record = record.clone();
    let findings: Vec<Value> = record["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| serde_json::json!([f["code"], f["severity"], f["message"]]))
        .collect();
    record["findings"] = Value::Array(findings);
    record
}

#[test]
fn review_gives_the_engines_figures_and_findings_for_every_form() {
    let dir = folder("set");
    let expected = generated_set(&dir, 12);
    let output = zipin(&["review", dir.to_str().unwrap(), "--format", "json"]);
    let records: Vec<Value> = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(records.len(), 36);
    for (got, want) in records.iter().zip(&expected) {
        assert_eq!(figures(got), figures(want));
    }
    // The set holds forms with errors: exit status 1, and nothing on stderr.
    assert!(records.iter().any(|r| r["errors"].as_u64().unwrap() > 0));
    assert_eq!(output.status.code(), Some(1), "{}", text(&output.stderr));
    assert_eq!(text(&output.stderr), "");
}

#[test]
fn the_table_csv_and_workbook_hold_the_same_rows() {
    let dir = folder("formats");
    let expected = generated_set(&dir, 6);
    let path = dir.to_str().unwrap();
    let table = text(&zipin(&["review", path]).stdout);
    assert!(table.starts_with("文件"), "{table}");
    let with_errors = expected
        .iter()
        .filter(|r| r["errors"].as_u64().unwrap() > 0)
        .count();
    assert!(
        table.ends_with(&format!("6 份文件，18 张表；{with_errors} 张有错误\n")),
        "{table}"
    );
    assert!(table.contains("\n复核意见\n"));
    let first = &expected[0];
    assert!(table.contains(&format!(
        "{} · {}",
        first["file"].as_str().unwrap(),
        first["name"].as_str().unwrap()
    )));

    let csv = zipin(&["review", path, "--format", "csv"]).stdout;
    assert!(csv.starts_with(b"\xEF\xBB\xBF"), "a BOM for Excel");
    let csv = text(&csv[3..]);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 19);
    assert!(lines[0].starts_with("文件,单位,类型,名称,"), "{}", lines[0]);

    let workbook = dir.join("复核表.xlsx");
    let output = zipin(&[
        "review",
        path,
        "--format",
        "xlsx",
        "--out",
        workbook.to_str().unwrap(),
    ]);
    assert_eq!(output.stdout, b"");
    use calamine::Reader;
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(&workbook).unwrap();
    let sheet = book.worksheet_range("复核表").unwrap();
    assert_eq!(sheet.height(), 19);
    for (row, record) in sheet.rows().skip(1).zip(&expected) {
        assert_eq!(row[0].to_string(), record["file"].as_str().unwrap());
        assert_eq!(row[3].to_string(), record["name"].as_str().unwrap());
        let total: f64 = record["total"].as_str().unwrap().parse().unwrap();
        let cell: f64 = row[5].to_string().parse().unwrap();
        assert!((cell - total).abs() < 0.005, "{cell} against {total}");
    }
}

#[test]
fn files_that_cannot_be_read_are_named_with_why_and_the_rest_go_on() {
    let dir = folder("unreadable");
    generated_set(&dir, 2);
    std::fs::write(dir.join("损坏的报告.docx"), b"PK\x03\x04 not really a zip").unwrap();
    std::fs::write(
        dir.join("旧版.xls"),
        [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1],
    )
    .unwrap();
    std::fs::write(dir.join("说明.txt"), "这份材料只有文字，没有评分表。\n").unwrap();
    std::fs::write(dir.join("照片.jpg"), [0xFF, 0xD8, 0xFF]).unwrap();
    std::fs::create_dir_all(dir.join("子文件夹")).unwrap();
    let inner = support::review_set::generate(1, 99).remove(0);
    std::fs::write(dir.join("子文件夹").join(&inner.name), &inner.bytes).unwrap();
    let output = zipin(&["review", dir.to_str().unwrap(), "--format", "json"]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains("“损坏的报告.docx”：不是有效的 .docx / .xlsx 文件"),
        "{stderr}"
    );
    assert!(stderr.contains("“说明.txt”："), "{stderr}");
    assert!(
        stderr.contains("“旧版.xls”是旧版 Office 二进制格式"),
        "{stderr}"
    );
    assert!(
        stderr.contains("另有 1 个文件不是报表"),
        "the photo: {stderr}"
    );
    let records: Vec<Value> = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        records.len(),
        9,
        "two files at the top and one in the sub-folder"
    );
    let nested = format!("子文件夹/{}", inner.name);
    assert!(records.iter().any(|r| r["file"] == nested.as_str()));
    // The table counts the files it could not read.
    let table = text(&zipin(&["review", dir.to_str().unwrap()]).stdout);
    assert!(
        table.trim_end().ends_with("；另有 3 份文件无法读取"),
        "{table}"
    );
    // A folder with no report in it, and wrong arguments.
    let empty = folder("no-reports");
    std::fs::write(empty.join("照片.jpg"), [0xFF, 0xD8, 0xFF]).unwrap();
    let output = zipin(&["review", empty.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        text(&output.stderr).contains("没有找到报表文件"),
        "{}",
        text(&output.stderr)
    );
    assert_eq!(
        zipin(&["review", "--format", "pdf", "x"]).status.code(),
        Some(64)
    );
    assert_eq!(zipin(&["--help"]).status.code(), Some(0));
    // A path that does not exist.
    let output = zipin(&["review", dir.join("没有这份.docx").to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).contains("文件或文件夹不存在"));
}

#[test]
fn a_clean_report_exits_0() {
    let output = zipin(&[
        "review",
        "../core/tests/fixtures/hetang-2022-report.txt",
        "--format",
        "json",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let records: Vec<Value> = serde_json::from_slice(&output.stdout).unwrap();
    let totals: Vec<(&str, &str)> = records
        .iter()
        .map(|r| (r["total"].as_str().unwrap(), r["grade"].as_str().unwrap()))
        .collect();
    assert_eq!(totals, [("95", "优"), ("97", "优"), ("96", "优")]);
}

#[test]
fn globs_archives_and_nested_archives() {
    let dir = folder("globs");
    generated_set(&dir, 6);
    let pattern = format!("{}/*.docx", dir.display());
    let records: Vec<Value> =
        serde_json::from_slice(&zipin(&["review", &pattern, "--format", "json"]).stdout).unwrap();
    assert_eq!(records.len(), 6, "files 1 and 4 of six are .docx");
    assert!(records
        .iter()
        .all(|r| r["file"].as_str().unwrap().ends_with(".docx")));

    // A .zip of reports: each report inside read in turn, named inside the archive.
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    let archive = zip_files(
        &names
            .iter()
            .take(2)
            .map(|n| (n.clone(), std::fs::read(dir.join(n)).unwrap()))
            .collect::<Vec<_>>(),
    );
    let zipped = folder("archive");
    std::fs::write(zipped.join("报送.zip"), &archive).unwrap();
    let records: Vec<Value> = serde_json::from_slice(
        &zipin(&[
            "review",
            zipped.join("报送.zip").to_str().unwrap(),
            "--format",
            "json",
        ])
        .stdout,
    )
    .unwrap();
    assert_eq!(records.len(), 6);
    let inside = format!("{}/{}", zipped.join("报送.zip").display(), names[0]);
    assert_eq!(records[0]["file"], inside.as_str());

    // An archive of reports inside another, under a report's name: refused with why (an
    // archive that held itself would never end).
    let nested = zip_files(&[("报送.docx".to_owned(), archive)]);
    std::fs::write(zipped.join("套娃.zip"), &nested).unwrap();
    let output = zipin(&["review", zipped.join("套娃.zip").to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        text(&output.stderr).contains("压缩包里的文件又是一个压缩包"),
        "{}",
        text(&output.stderr)
    );
}

/// A ZIP of files (name, bytes), deflated.
fn zip_files(files: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in files {
        writer.start_file(name.as_str(), options).unwrap();
        writer.write_all(bytes).unwrap();
    }
    writer.finish().unwrap().into_inner()
}

/// A .docx of about 40 KB whose body inflates to 40 MB of spaces.
fn bomb_docx() -> Vec<u8> {
    support::office::zip_of(&[
        ("[Content_Types].xml", String::new()),
        ("word/document.xml", " ".repeat(40 * 1024 * 1024)),
    ])
}

#[test]
fn the_hostile_caps_hold_here_too() {
    let dir = folder("hostile");
    // A .docx whose body inflates to 40 MB of nothing: refused while inflating.
    let bomb = bomb_docx();
    assert!(bomb.len() < 200_000);
    std::fs::write(dir.join("炸弹.docx"), &bomb).unwrap();
    // Text far past any form: refused before reading.
    std::fs::write(
        dir.join("巨大.txt"),
        "产出指标\t数量指标\t1\n".repeat(300_000),
    )
    .unwrap();
    let output = zipin(&["review", dir.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains("“炸弹.docx”：文件中的 word/document.xml 解压后超过 32 MB"),
        "{stderr}"
    );
    assert!(stderr.contains("“巨大.txt”："), "{stderr}");
}

#[test]
fn an_office_files_parts_are_capped_together() {
    let dir = folder("parts");
    // Each part within the 32 MB a part may take, three of them past the file's 64 MB.
    let part = " ".repeat(30 * 1024 * 1024);
    let heavy = support::office::zip_of(&[
        ("[Content_Types].xml", String::new()),
        ("xl/_rels/workbook.xml.rels", String::new()),
        ("xl/workbook.xml", part.clone()),
        ("xl/worksheets/sheet1.xml", part.clone()),
        ("xl/worksheets/sheet2.xml", part),
    ]);
    std::fs::write(dir.join("合计.xlsx"), &heavy).unwrap();
    let output = zipin(&["review", dir.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains(
            "“合计.xlsx”：文件的各部分解压后合计超过 64 MB（读到 xl/worksheets/sheet2.xml 时）"
        ),
        "{stderr}"
    );
}

#[test]
fn an_archive_of_inflate_bombs_is_refused_after_its_reports_share_of_inflating() {
    let dir = folder("bombs");
    let bomb = bomb_docx();
    // 34 bombs, each refused at its part's 32 MB: the first 32 spend the archive's 1 GB, the
    // other two are refused at once; a text report (nothing to inflate) is still read.
    let mut files: Vec<(String, Vec<u8>)> = (1..=34)
        .map(|n| (format!("炸弹{n:02}.docx"), bomb.clone()))
        .collect();
    files.push((
        "营养改善.txt".to_owned(),
        std::fs::read("../core/tests/fixtures/nutrition-project.tsv").unwrap(),
    ));
    std::fs::write(dir.join("报送.zip"), zip_files(&files)).unwrap();
    let output = zipin(&[
        "review",
        dir.join("报送.zip").to_str().unwrap(),
        "--format",
        "json",
    ]);
    let stderr = text(&output.stderr);
    let part_cap = "：文件中的 word/document.xml 解压后超过 32 MB";
    assert_eq!(stderr.matches(part_cap).count(), 32, "{stderr}");
    for n in [33, 34] {
        assert!(
            stderr.contains(&format!(
                "报送.zip/炸弹{n}.docx”：同一压缩包里的报表解压后合计已超过 1 GB（读到 word/document.xml 时）"
            )),
            "{stderr}"
        );
    }
    let records: Vec<Value> = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(records.len(), 1, "the text report is read");
    let file = records[0]["file"].as_str().unwrap();
    assert!(file.ends_with("报送.zip/营养改善.txt"), "{file}");
}

#[test]
fn score_explains_each_row() {
    let output = zipin(&[
        "score",
        "../core/tests/fixtures/nutrition-project.tsv",
        "--explain",
    ]);
    let out = text(&output.stdout);
    assert!(out.starts_with("表 1/1："), "{out}");
    assert!(out.contains("预算执行：全年预算 "), "{out}");
    assert!(out.contains(" 小计 "), "{out}");
    assert!(out.contains(" × "), "a proportional score's formula: {out}");
    assert!(out.contains("总分：填报 "), "{out}");
    // The same figures as review.
    let records: Vec<Value> = serde_json::from_slice(
        &zipin(&[
            "review",
            "../core/tests/fixtures/nutrition-project.tsv",
            "--format",
            "json",
        ])
        .stdout,
    )
    .unwrap();
    let total = records[0]["total"].as_str().unwrap();
    let decimal: rust_decimal::Decimal = total.parse().unwrap();
    assert!(
        out.contains(&format!(
            "复核 {}；",
            zipin_core::number::two_places(decimal)
        )),
        "{total} in {out}"
    );
    assert_eq!(output.status.code(), Some(1), "the form has an error");
}

#[test]
fn convert_round_trips_through_the_saved_document() {
    let dir = folder("convert");
    let source = "../core/tests/fixtures/agriculture-department.html";
    let saved = dir.join("农业.json");
    let output = zipin(&[
        "convert",
        source,
        "--to",
        "json",
        "--out",
        saved.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let review = |path: &str| -> Vec<Value> {
        let records: Vec<Value> =
            serde_json::from_slice(&zipin(&["review", path, "--format", "json"]).stdout).unwrap();
        records
            .into_iter()
            .map(|mut r| {
                r["file"] = Value::Null;
                figures(&r)
            })
            .collect()
    };
    assert_eq!(review(saved.to_str().unwrap()), review(source));

    let tsv = text(&zipin(&["convert", source, "--to", "tsv"]).stdout);
    let csv = zipin(&["convert", source, "--to", "csv"]).stdout;
    assert!(tsv.lines().count() > 10);
    assert!(csv.starts_with(b"\xEF\xBB\xBF"));
    assert_eq!(text(&csv[3..]).lines().count(), tsv.lines().count());

    let workbook = dir.join("农业.xlsx");
    zipin(&[
        "convert",
        source,
        "--to",
        "xlsx",
        "--out",
        workbook.to_str().unwrap(),
    ]);
    use calamine::Reader;
    let book: calamine::Xlsx<_> = calamine::open_workbook(&workbook).unwrap();
    assert_eq!(
        book.sheet_names().last().map(String::as_str),
        Some("复核意见")
    );
    // An archive is not a document to convert.
    let archive = dir.join("报送.zip");
    let inside = [("农业.html".to_owned(), std::fs::read(source).unwrap())];
    std::fs::write(&archive, zip_files(&inside)).unwrap();
    let output = zipin(&["convert", archive.to_str().unwrap(), "--to", "json"]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains("是报表的压缩包：请用 zipin review"),
        "{stderr}"
    );
}
