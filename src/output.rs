//! Writing the site: the only place the pipeline writes files.
//!
//! A build writes into a staging folder beside the output folder and swaps it
//! into place only when every file was written, so a failed build never
//! leaves a half-written site and readers never see one mid-build.

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;

use anyhow::{Context, Result, bail};

use rayon::prelude::*;

use crate::cache::{Entry, Manifest, hash_bytes};
use crate::render::Sink;

/// Name of the file that marks a folder as nashra's output, so that a build
/// never replaces a folder it did not write (say, a mistyped `--output .`).
pub const MARKER: &str = ".nashra-output";
const MARKER_TEXT: &str =
    "Written by nashra, which replaces or updates this whole folder at each build.\n";

/// Where a build writes: a fresh staging folder (a full build), or the
/// existing output folder updated in place (an incremental build).
pub enum Output {
    Full(Staging),
    Incremental(InPlace),
}

impl Output {
    /// Opens `target` for a build whose templates hash to `key`: in place
    /// when the last build left a manifest with the same key, fresh
    /// otherwise (first build, templates or nashra changed, cache deleted).
    pub fn open(target: &Path, protected: &Path, key: u64) -> Result<Output> {
        let target = absolute(target)?;
        let manifest_path = Manifest::path_for(&target);
        if target.join(MARKER).exists()
            && let Some(old) = Manifest::load(&manifest_path).filter(|m| m.key == key)
        {
            return Ok(Output::Incremental(InPlace {
                target,
                manifest_path,
                old,
                key,
                pending: Mutex::new(Vec::new()),
                files: Mutex::new(BTreeMap::new()),
            }));
        }
        // The old manifest describes a site about to be replaced.
        let _ = std::fs::remove_file(&manifest_path);
        Ok(Output::Full(Staging::new(&target, protected, key)?))
    }

    pub fn sink(&self) -> &dyn Sink {
        match self {
            Output::Full(s) => s,
            Output::Incremental(s) => s,
        }
    }

    pub fn is_incremental(&self) -> bool {
        matches!(self, Output::Incremental(_))
    }

    /// Makes the build visible: swaps the staging folder into place, or
    /// applies the changed files. Nothing is visible before this.
    pub fn commit(self) -> Result<Written> {
        match self {
            Output::Full(s) => s.commit(),
            Output::Incremental(s) => s.commit(),
        }
    }
}

/// What a build wrote.
#[derive(Debug, Clone, Copy, Default)]
pub struct Written {
    /// Files the site holds.
    pub files: usize,
    /// Their total size.
    pub bytes: u64,
    /// Files this build actually wrote (all of them in a full build).
    pub rewritten: usize,
    /// Files this build deleted because no page produces them any more.
    pub removed: usize,
}

/// A staging folder being filled, swapped into place by [`Staging::commit`].
/// Dropped without a commit, it removes itself.
pub struct Staging {
    dir: PathBuf,
    target: PathBuf,
    key: u64,
    files: Mutex<BTreeMap<String, Entry>>,
    committed: bool,
}

impl Staging {
    /// Prepares to replace `target`. Refuses a target that exists but was not
    /// written by nashra, and one that contains `protected` (the site's
    /// own folder: the output must never swallow the input).
    pub fn new(target: &Path, protected: &Path, key: u64) -> Result<Staging> {
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
        std::fs::write(dir.join(MARKER), MARKER_TEXT)
            .with_context(|| format!("{}: cannot write", dir.display()))?;
        Ok(Staging {
            dir,
            target,
            key,
            files: Mutex::new(BTreeMap::new()),
            committed: false,
        })
    }

    /// Swaps the staging folder into place of the target, then records the
    /// manifest that lets the next build be incremental.
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
        let files = std::mem::take(&mut *self.files.lock().expect("no panics holding the lock"));
        let count = files.len();
        let bytes = files.values().map(|e| e.size).sum();
        Manifest {
            key: self.key,
            files,
        }
        .save(&Manifest::path_for(&self.target))?;
        Ok(Written {
            files: count,
            bytes,
            rewritten: count,
            removed: 0,
        })
    }
}

impl Sink for Staging {
    fn put_made(&self, path: &str, bytes: &[u8], inputs: u64) -> Result<()> {
        let full = self.dir.join(safe_relative(path)?);
        if let Some(parent) = full.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("{}: cannot create folder", parent.display()))?;
        }
        std::fs::write(&full, bytes)
            .with_context(|| format!("{}: cannot write", full.display()))?;
        let entry = Entry {
            inputs,
            content: hash_bytes(bytes),
            size: bytes.len() as u64,
        };
        self.files
            .lock()
            .expect("no panics holding the lock")
            .insert(path.to_string(), entry);
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

/// An incremental build: the existing site, updated only where a file's
/// bytes changed. Changed files are held in memory until every page has
/// rendered, so a failed build touches nothing.
pub struct InPlace {
    target: PathBuf,
    manifest_path: PathBuf,
    old: Manifest,
    key: u64,
    pending: Mutex<Vec<(String, Vec<u8>)>>,
    files: Mutex<BTreeMap<String, Entry>>,
}

impl InPlace {
    fn record(&self, path: &str, entry: Entry) {
        self.files
            .lock()
            .expect("no panics holding the lock")
            .insert(path.to_string(), entry);
    }

    /// Writes the changed files (each through a temporary file and a rename,
    /// so a reader never sees half a page), removes the files no page
    /// produces any more, and saves the new manifest.
    pub fn commit(self) -> Result<Written> {
        let pending = self
            .pending
            .into_inner()
            .expect("no panics holding the lock");
        let files = self.files.into_inner().expect("no panics holding the lock");
        let rewritten = pending.len();
        pending
            .par_iter()
            .try_for_each(|(path, bytes)| -> Result<()> {
                let full = self.target.join(path);
                if let Some(parent) = full.parent() {
                    std::fs::create_dir_all(parent)
                        .with_context(|| format!("{}: cannot create folder", parent.display()))?;
                }
                let tmp = full.with_file_name(format!(
                    ".{}.nashra-tmp",
                    full.file_name()
                        .expect("files have names")
                        .to_string_lossy()
                ));
                std::fs::write(&tmp, bytes)
                    .with_context(|| format!("{}: cannot write", tmp.display()))?;
                std::fs::rename(&tmp, &full)
                    .with_context(|| format!("{}: cannot write", full.display()))
            })?;
        let mut removed = 0;
        for stale in self.old.files.keys().filter(|p| !files.contains_key(*p)) {
            let full = self.target.join(safe_relative(stale)?);
            if std::fs::remove_file(&full).is_ok() {
                removed += 1;
            }
            remove_empty_parents(&full, &self.target);
        }
        let bytes = files.values().map(|e| e.size).sum();
        let count = files.len();
        Manifest {
            key: self.key,
            files,
        }
        .save(&self.manifest_path)?;
        Ok(Written {
            files: count,
            bytes,
            rewritten,
            removed,
        })
    }
}

impl Sink for InPlace {
    fn put_made(&self, path: &str, bytes: &[u8], inputs: u64) -> Result<()> {
        safe_relative(path)?;
        let entry = Entry {
            inputs,
            content: hash_bytes(bytes),
            size: bytes.len() as u64,
        };
        let unchanged = self
            .old
            .files
            .get(path)
            .is_some_and(|old| old.content == entry.content);
        if !unchanged {
            self.pending
                .lock()
                .expect("no panics holding the lock")
                .push((path.to_string(), bytes.to_vec()));
        }
        self.record(path, entry);
        Ok(())
    }

    fn is_current(&self, path: &str, inputs: u64) -> bool {
        self.old
            .files
            .get(path)
            .is_some_and(|old| old.inputs == inputs)
    }

    fn keep(&self, path: &str) {
        if let Some(old) = self.old.files.get(path) {
            self.record(path, *old);
        }
    }
}

/// Removes the folders left empty by deleting `file`, up to `root`.
fn remove_empty_parents(file: &Path, root: &Path) {
    let mut dir = file.parent();
    while let Some(d) = dir {
        if d == root || std::fs::remove_dir(d).is_err() {
            break;
        }
        dir = d.parent();
    }
}

/// An exclusive hold on an output folder for the length of a build, so
/// that two builds never write the same site, manifest and analysis cache
/// at once. It is an advisory lock on `.nashra-cache/NAME.lock` beside the
/// output (never inside it, where a deploy would publish it), which the
/// system releases when the build ends however it ends.
pub struct BuildLock {
    _file: std::fs::File,
}

impl BuildLock {
    /// Takes the lock on `target`, or fails at once naming the folder when
    /// another build holds it.
    pub fn take(target: &Path) -> Result<BuildLock> {
        let target = absolute(target)?;
        let path = Manifest::path_for(&target).with_extension("lock");
        let dir = path.parent().context("the lock has a folder")?;
        std::fs::create_dir_all(dir)
            .with_context(|| format!("{}: cannot create folder", dir.display()))?;
        let file = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .with_context(|| format!("{}: cannot open the build lock", path.display()))?;
        match file.try_lock() {
            Ok(()) => Ok(BuildLock { _file: file }),
            Err(std::fs::TryLockError::WouldBlock) => bail!(
                "{}: another build is running on this output folder (it holds {}); wait for it to finish",
                target.display(),
                path.display()
            ),
            Err(std::fs::TryLockError::Error(e)) => {
                Err(e).with_context(|| format!("{}: cannot take the build lock", path.display()))
            }
        }
    }
}

/// Refuses an output folder that lies inside one of the site's input
/// folders, or that holds one: nashra would read its own pages back as
/// articles (seeds, content), copy the output into itself until paths grow
/// too long (static), or replace an input folder with the site at the next
/// full build. `inputs` names each folder (`seeds`, `static`, …) for the
/// error. Links are resolved, so a link cannot hide either case.
pub fn check_placement(target: &Path, inputs: &[(&str, PathBuf)]) -> Result<()> {
    let out = resolved(target)?;
    for (name, folder) in inputs {
        let folder = resolved(folder)?;
        if out.starts_with(&folder) {
            bail!(
                "{}: the output folder is inside the {name} folder ({}); nashra would read or copy its own output as input. Choose a folder outside the input folders, such as `public`",
                target.display(),
                folder.display()
            );
        }
        if folder.starts_with(&out) {
            bail!(
                "{}: the output folder holds the {name} folder ({}), which a build would replace. Choose a folder outside the input folders, such as `public`",
                target.display(),
                folder.display()
            );
        }
    }
    Ok(())
}

/// `path` made absolute with its links resolved as far as it exists; the
/// part that does not exist yet is appended as written.
fn resolved(path: &Path) -> Result<PathBuf> {
    let path = absolute(path)?;
    let mut existing = path.as_path();
    let mut missing = Vec::new();
    loop {
        if let Ok(real) = existing.canonicalize() {
            let mut out = real;
            out.extend(missing.iter().rev());
            return Ok(out);
        }
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                missing.push(name.to_os_string());
                existing = parent;
            }
            _ => return Ok(path),
        }
    }
}

/// Copies every file under `source` to `dest` (relative) through `sink`. A
/// missing source folder copies nothing.
pub fn copy_tree(sink: &dyn Sink, source: &Path, dest: &str) -> Result<()> {
    if !source.is_dir() {
        return Ok(());
    }
    for entry in walkdir::WalkDir::new(source).sort_by_file_name() {
        let entry = entry.with_context(|| format!("{}: cannot list folder", source.display()))?;
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
        sink.put(&format!("{dest}/{rel}"), &bytes)?;
    }
    Ok(())
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
        let first = Staging::new(&out, &site, 0).unwrap();
        first.put("index.html", b"one").unwrap();
        first.commit().unwrap();
        {
            let second = Staging::new(&out, &site, 0).unwrap();
            second.put("index.html", b"two").unwrap();
            // Dropped: the build failed.
        }
        assert_eq!(std::fs::read(out.join("index.html")).unwrap(), b"one");
        let leftovers: Vec<_> = std::fs::read_dir(root.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert!(
            !leftovers
                .iter()
                .any(|n| n.to_string_lossy().contains("staging")),
            "{leftovers:?}"
        );
    }

    #[test]
    fn one_build_at_a_time() {
        let root = tempfile::tempdir().unwrap();
        let out = root.path().join("public");
        let held = BuildLock::take(&out).unwrap();
        let err = BuildLock::take(&out).err().unwrap().to_string();
        assert!(err.contains("another build is running"), "{err}");
        assert!(err.contains("public"), "{err}");
        // Another output folder is another lock.
        BuildLock::take(&root.path().join("preview")).unwrap();
        drop(held);
        BuildLock::take(&out).unwrap();
    }

    #[test]
    fn output_and_input_folders_never_nest() {
        let root = tempfile::tempdir().unwrap();
        let seeds = root.path().join("seeds");
        std::fs::create_dir_all(&seeds).unwrap();
        let inputs = [
            ("seeds", seeds.clone()),
            ("static", root.path().join("static")),
        ];
        assert!(check_placement(&root.path().join("public"), &inputs).is_ok());
        let err = check_placement(&seeds.join("pub"), &inputs)
            .unwrap_err()
            .to_string();
        assert!(err.contains("inside the seeds folder"), "{err}");
        // A folder that does not exist yet is still an input folder.
        let err = check_placement(&root.path().join("static/pub/x"), &inputs)
            .unwrap_err()
            .to_string();
        assert!(err.contains("inside the static folder"), "{err}");
        let err = check_placement(root.path(), &inputs)
            .unwrap_err()
            .to_string();
        assert!(err.contains("holds the seeds folder"), "{err}");
        // A link into an input folder is the input folder.
        #[cfg(unix)]
        {
            let link = root.path().join("out-link");
            std::os::unix::fs::symlink(&seeds, &link).unwrap();
            let err = check_placement(&link.join("pub"), &inputs)
                .unwrap_err()
                .to_string();
            assert!(err.contains("inside the seeds folder"), "{err}");
        }
    }

    #[test]
    fn refuses_to_replace_foreign_folders() {
        let root = tempfile::tempdir().unwrap();
        let out = root.path().join("docs");
        std::fs::create_dir_all(&out).unwrap();
        std::fs::write(out.join("notes.txt"), "mine").unwrap();
        let err = Staging::new(&out, &root.path().join("site"), 0)
            .err()
            .unwrap()
            .to_string();
        assert!(err.contains("refusing"), "{err}");
        let err = Staging::new(root.path(), &root.path().join("site"), 0)
            .err()
            .unwrap()
            .to_string();
        assert!(err.contains("contain the site"), "{err}");
    }
}
