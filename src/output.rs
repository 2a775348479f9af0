//! Writing the site: the only place the pipeline writes files.
//!
//! A build writes into a staging folder beside the output folder and swaps it
//! into place only when every file was written, so a failed build never
//! leaves a half-written site and readers never see one mid-build.

use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

use anyhow::{Context, Result, bail};

use crate::render::Sink;

/// Name of the file that marks a folder as nashra's output, so that a build
/// never replaces a folder it did not write (say, a mistyped `--output .`).
pub const MARKER: &str = ".nashra-output";

/// A staging folder being filled, swapped into place by [`Staging::commit`].
/// Dropped without a commit, it removes itself.
pub struct Staging {
    dir: PathBuf,
    target: PathBuf,
    files: AtomicUsize,
    bytes: AtomicU64,
    committed: bool,
}

/// What a build wrote.
#[derive(Debug, Clone, Copy)]
pub struct Written {
    pub files: usize,
    pub bytes: u64,
}

impl Staging {
    /// Prepares to replace `target`. Refuses a target that exists but was not
    /// written by nashra, and one that contains `protected` (the site's
    /// own folder: the output must never swallow the input).
    pub fn new(target: &Path, protected: &Path) -> Result<Staging> {
        let target = absolute(target)?;
        let protected = absolute(protected)?;
        if protected.starts_with(&target) {
            bail!(
                "{}: the output folder would contain the site's own files; choose a folder such as `public`",
                target.display()
            );
        }
        if target.exists() {
            let empty = std::fs::read_dir(&target)
                .with_context(|| format!("{}: cannot read the output folder", target.display()))?
                .next()
                .is_none();
            if !empty && !target.join(MARKER).exists() {
                bail!(
                    "{}: refusing to replace a folder nashra did not write (no {MARKER} file in it); remove it or choose another output folder",
                    target.display()
                );
            }
        }
        let parent = target
            .parent()
            .context("the output folder has no parent folder")?;
        std::fs::create_dir_all(parent)
            .with_context(|| format!("{}: cannot create folder", parent.display()))?;
        let name = target
            .file_name()
            .context("the output folder has no name")?
            .to_string_lossy();
        let dir = parent.join(format!(".{name}.nashra-staging-{}", std::process::id()));
        if dir.exists() {
            std::fs::remove_dir_all(&dir)
                .with_context(|| format!("{}: cannot clear", dir.display()))?;
        }
        std::fs::create_dir_all(&dir)
            .with_context(|| format!("{}: cannot create folder", dir.display()))?;
        std::fs::write(
            dir.join(MARKER),
            "Written by nashra. The whole folder is replaced at each build.\n",
        )
        .with_context(|| format!("{}: cannot write", dir.display()))?;
        Ok(Staging {
            dir,
            target,
            files: AtomicUsize::new(0),
            bytes: AtomicU64::new(0),
            committed: false,
        })
    }

    /// Copies every file under `source` to `dest` (relative) in the staging
    /// folder. A missing source folder copies nothing.
    pub fn copy_tree(&self, source: &Path, dest: &str) -> Result<()> {
        if !source.is_dir() {
            return Ok(());
        }
        for entry in walkdir::WalkDir::new(source).sort_by_file_name() {
            let entry =
                entry.with_context(|| format!("{}: cannot list folder", source.display()))?;
            if !entry.file_type().is_file() {
                continue;
            }
            let rel = entry
                .path()
                .strip_prefix(source)
                .expect("walkdir stays under its root");
            let rel = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            let bytes = std::fs::read(entry.path())
                .with_context(|| format!("{}: cannot read", entry.path().display()))?;
            self.put(&format!("{dest}/{rel}"), &bytes)?;
        }
        Ok(())
    }

    /// True when `path` was already written.
    pub fn has(&self, path: &str) -> bool {
        self.dir.join(path).exists()
    }

    /// Swaps the staging folder into place of the target.
    pub fn commit(mut self) -> Result<Written> {
        let old = self.dir.with_file_name(format!(
            "{}.old",
            self.dir
                .file_name()
                .expect("staging has a name")
                .to_string_lossy()
        ));
        if self.target.exists() {
            std::fs::rename(&self.target, &old).with_context(|| {
                format!(
                    "{}: cannot move the previous site aside",
                    self.target.display()
                )
            })?;
        }
        if let Err(e) = std::fs::rename(&self.dir, &self.target) {
            // Put the previous site back rather than leave none.
            let _ = std::fs::rename(&old, &self.target);
            return Err(e).with_context(|| {
                format!(
                    "{}: cannot move the new site into place",
                    self.target.display()
                )
            });
        }
        self.committed = true;
        if old.exists() {
            std::fs::remove_dir_all(&old)
                .with_context(|| format!("{}: cannot remove the previous site", old.display()))?;
        }
        Ok(Written {
            files: self.files.load(Ordering::Relaxed),
            bytes: self.bytes.load(Ordering::Relaxed),
        })
    }
}

impl Sink for Staging {
    fn put(&self, path: &str, bytes: &[u8]) -> Result<()> {
        let full = self.dir.join(safe_relative(path)?);
        if let Some(parent) = full.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("{}: cannot create folder", parent.display()))?;
        }
        std::fs::write(&full, bytes)
            .with_context(|| format!("{}: cannot write", full.display()))?;
        self.files.fetch_add(1, Ordering::Relaxed);
        self.bytes.fetch_add(bytes.len() as u64, Ordering::Relaxed);
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}

/// Checks that `path` stays inside the output folder: relative, made only of
/// plain names (no `..`, no root, no drive).
pub fn safe_relative(path: &str) -> Result<&Path> {
    let p = Path::new(path);
    if path.is_empty() || !p.components().all(|c| matches!(c, Component::Normal(_))) {
        bail!("refusing to write `{path}`: output paths must stay inside the output folder");
    }
    Ok(p)
}

fn absolute(path: &Path) -> Result<PathBuf> {
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()?.join(path)
    };
    // Resolve `.` and `..` lexically; the folder may not exist yet.
    let mut out = PathBuf::new();
    for c in joined.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_cannot_escape() {
        assert!(safe_relative("articles/x/index.html").is_ok());
        assert!(safe_relative("../x").is_err());
        assert!(safe_relative("/etc/passwd").is_err());
        assert!(safe_relative("a/../../b").is_err());
        assert!(safe_relative("").is_err());
    }

    #[test]
    fn uncommitted_staging_leaves_the_old_site() {
        let root = tempfile::tempdir().unwrap();
        let out = root.path().join("public");
        let site = root.path().join("site");
        std::fs::create_dir_all(&site).unwrap();
        let first = Staging::new(&out, &site).unwrap();
        first.put("index.html", b"one").unwrap();
        first.commit().unwrap();
        {
            let second = Staging::new(&out, &site).unwrap();
            second.put("index.html", b"two").unwrap();
            // Dropped: the build failed.
        }
        assert_eq!(std::fs::read(out.join("index.html")).unwrap(), b"one");
        let leftovers: Vec<_> = std::fs::read_dir(root.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(leftovers.len(), 2, "{leftovers:?}");
    }

    #[test]
    fn refuses_to_replace_foreign_folders() {
        let root = tempfile::tempdir().unwrap();
        let out = root.path().join("docs");
        std::fs::create_dir_all(&out).unwrap();
        std::fs::write(out.join("notes.txt"), "mine").unwrap();
        let err = Staging::new(&out, &root.path().join("site"))
            .err()
            .unwrap()
            .to_string();
        assert!(err.contains("refusing"), "{err}");
        let err = Staging::new(root.path(), &root.path().join("site"))
            .err()
            .unwrap()
            .to_string();
        assert!(err.contains("contain the site"), "{err}");
    }
}
