//! Where a command's result goes: a file named by `--out`, or the standard output (never a
//! workbook's bytes onto a terminal).

use std::io::{IsTerminal, Write};
use std::path::Path;

/// Writes `bytes` to `out`, or to the standard output; `binary` bytes are refused on a
/// terminal. The error is the message to print.
pub fn write(out: Option<&Path>, bytes: &[u8], binary: bool) -> Result<(), String> {
    match out {
        Some(path) => std::fs::write(path, bytes)
            .map_err(|error| format!("无法写入“{}”：{error}", path.display())),
        None if binary && std::io::stdout().is_terminal() => {
            Err("Excel 工作簿不能写到终端：请用 --out 指定文件，或把输出重定向到文件".to_owned())
        }
        None => {
            let mut stdout = std::io::stdout().lock();
            stdout
                .write_all(bytes)
                .and_then(|()| stdout.flush())
                .or_else(|error| {
                    // A reader that stopped early (`zipin review … | head`) is not a failure.
                    if error.kind() == std::io::ErrorKind::BrokenPipe {
                        Ok(())
                    } else {
                        Err(format!("无法写到标准输出：{error}"))
                    }
                })
        }
    }
}
