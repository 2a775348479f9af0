//! Writing the site: the only place the pipeline writes files.

use std::path::Path;

use anyhow::Result;

use crate::render::OutFile;

/// What was written.
pub struct Written {
    pub files: usize,
    pub bytes: u64,
}

/// Writes `files` under `out`.
pub fn write_site(out: &Path, files: &[OutFile], _static_dir: &Path) -> Result<Written> {
    let mut bytes = 0;
    for f in files {
        let path = out.join(&f.path);
        std::fs::create_dir_all(path.parent().unwrap())?;
        std::fs::write(&path, &f.bytes)?;
        bytes += f.bytes.len() as u64;
    }
    Ok(Written { files: files.len(), bytes })
}
