//! Writing the site: the only place the pipeline writes files.
//!
//! Every build is all-or-nothing for the output folder. A full build writes
//! into a staging folder beside the output folder and swaps the two in one
//! step (an atomic exchange where the system has one) once every file is
//! written. An incremental build writes its changed files beside the output
//! (`.nashra-cache/NAME.pending/`), then records the list of changes in a
//! journal, and only then moves them into place: a build killed before the
//! journal is complete changed nothing, and one killed while moving files
//! is completed by the next build before it does anything else
//! ([`recover`]). Nothing temporary is ever written inside the output
//! folder, where a deploy would publish it.

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use anyhow::{Context, Result, bail};

use rayon::prelude::*;

use crate::cache::{Entry, Manifest, OnDisk, hash_bytes};

/// Where rendered files go. Paths are relative to the output folder.
pub trait Sink: Sync {
    /// Stores `bytes` at `path`, made from inputs fingerprinted as `inputs`.
    fn put_made(&self, path: &str, bytes: &[u8], inputs: u64) -> Result<()>;

    /// Stores `bytes` at `path`; the bytes are their own fingerprint.
    fn put(&self, path: &str, bytes: &[u8]) -> Result<()> {
        self.put_made(path, bytes, crate::cache::hash_bytes(bytes))
    }

    /// True when `path` is already in place from inputs fingerprinted as
    /// `inputs`; the caller then skips making it and calls [`Sink::keep`].
    fn is_current(&self, _path: &str, _inputs: u64) -> bool {
        false
    }

    /// Keeps `path` as the last build left it.
    fn keep(&self, _path: &str) {}

    /// Keeps every file the last build left under the folder `dir`; false
    /// when there is no last build to keep from.
    fn keep_folder(&self, _dir: &str) -> bool {
        false
    }
}

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
            return Ok(Output::Incremental(InPlace::new(target, old, key)?));
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
    /// Files found deleted or changed since the last build wrote them,
    /// and so written again (or deleted, when no page produces them now).
    pub repaired: usize,
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
        let dir = parent.join(format!("{}{}", staging_prefix(&name), std::process::id()));
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
    ///
    /// Where the system exchanges two folders in one step (Linux), the
    /// output folder is the old site or the new one at every instant.
    /// Elsewhere the old site is first moved aside; a build killed before
    /// the new one takes its place leaves no output folder, and the next
    /// build puts the old site back ([`recover`]).
    pub fn commit(mut self) -> Result<Written> {
        let old = if !self.target.exists() {
            std::fs::rename(&self.dir, &self.target).with_context(|| {
                format!(
                    "{}: cannot move the new site into place",
                    self.target.display()
                )
            })?;
            None
        } else if exchange(&self.dir, &self.target).is_ok() {
            // The staging folder's name now holds the previous site.
            Some(self.dir.clone())
        } else {
            let old = aside(&self.dir);
            std::fs::rename(&self.target, &old).with_context(|| {
                format!(
                    "{}: cannot move the previous site aside",
                    self.target.display()
                )
            })?;
            crash_point("full-swap");
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
            Some(old)
        };
        self.committed = true;
        crash_point("full-remove-old");
        if let Some(old) = old {
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
            repaired: 0,
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
        let entry = Entry {
            inputs,
            content: hash_bytes(bytes),
            size: bytes.len() as u64,
            on_disk: write_new(&full, bytes)?,
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
/// bytes changed. Changed files are written beside the output folder as
/// pages render and moved into place through the journal at commit, so a
/// failed or killed build leaves the site as it was.
pub struct InPlace {
    target: PathBuf,
    manifest_path: PathBuf,
    journal: Journal,
    /// The last build's files that are on disk as it wrote them.
    old: Manifest,
    /// The last build's files found deleted or changed since.
    damaged: Vec<String>,
    key: u64,
    /// Files written to the pending folder: their number there and their
    /// path in the site.
    pending: Mutex<Vec<(usize, String)>>,
    next_pending: AtomicUsize,
    files: Mutex<BTreeMap<String, Entry>>,
    committed: bool,
}

impl InPlace {
    /// Opens the output folder `target` that the last build left as
    /// `old` describes. Every file is checked against what the manifest
    /// recorded of it (size, modification time, inode: no file is read), so
    /// that files deleted or changed since are made again, and the result
    /// equals a clean build whatever happened to the folder in between.
    fn new(target: PathBuf, mut old: Manifest, key: u64) -> Result<InPlace> {
        let mut damaged: Vec<String> = old
            .files
            .par_iter()
            .filter(|(path, entry)| !entry.matches_disk(&target.join(path.as_str())))
            .map(|(path, _)| path.clone())
            .collect();
        damaged.sort_unstable();
        for path in &damaged {
            old.files.remove(path);
        }
        let manifest_path = Manifest::path_for(&target);
        let journal = Journal::for_output(&target);
        journal.discard();
        std::fs::create_dir_all(&journal.pending)
            .with_context(|| format!("{}: cannot create folder", journal.pending.display()))?;
        Ok(InPlace {
            target,
            manifest_path,
            journal,
            old,
            damaged,
            key,
            pending: Mutex::new(Vec::new()),
            next_pending: AtomicUsize::new(0),
            files: Mutex::new(BTreeMap::new()),
            committed: false,
        })
    }

    fn record(&self, path: &str, entry: Entry) {
        self.files
            .lock()
            .expect("no panics holding the lock")
            .insert(path.to_string(), entry);
    }

    /// Records the changes (new and changed files, files no page produces
    /// any more) and the manifest that describes the result, then applies
    /// them. Until the journal is complete the site is untouched; once it
    /// is, the changes are made even if this build is killed, by the next.
    pub fn commit(mut self) -> Result<Written> {
        let mut pending =
            std::mem::take(&mut *self.pending.lock().expect("no panics holding the lock"));
        pending.sort_unstable_by(|a, b| a.1.cmp(&b.1));
        let files = std::mem::take(&mut *self.files.lock().expect("no panics holding the lock"));
        let rewritten = pending.len();
        let mut changes: Vec<Change> = pending
            .into_iter()
            .map(|(n, path)| Change::Put {
                pending: pending_name(n),
                path,
            })
            .collect();
        let previous = self.old.files.keys().chain(&self.damaged);
        for stale in previous.filter(|p| !files.contains_key(*p)) {
            safe_relative(stale)?;
            changes.push(Change::Remove(stale.clone()));
        }
        let bytes = files.values().map(|e| e.size).sum();
        let count = files.len();
        let manifest = Manifest {
            key: self.key,
            files,
        };
        let removed = if changes.is_empty() {
            manifest.save(&self.manifest_path)?;
            0
        } else {
            manifest.save(&self.journal.next_manifest)?;
            self.journal.write(&changes)?;
            self.committed = true;
            crash_point("incremental-journal");
            let removed = self.journal.apply(&self.target, &changes)?;
            self.journal.finish(&self.manifest_path)?;
            removed
        };
        self.committed = true;
        self.journal.discard();
        Ok(Written {
            files: count,
            bytes,
            rewritten,
            removed,
            repaired: self.damaged.len(),
        })
    }
}

impl Sink for InPlace {
    fn put_made(&self, path: &str, bytes: &[u8], inputs: u64) -> Result<()> {
        safe_relative(path)?;
        let content = hash_bytes(bytes);
        let unchanged = self
            .old
            .files
            .get(path)
            .filter(|old| old.content == content);
        let on_disk = match unchanged {
            Some(old) => old.on_disk,
            None => {
                let n = self.next_pending.fetch_add(1, Ordering::Relaxed);
                // A rename keeps the file's time and inode.
                let on_disk = write_new(&self.journal.pending.join(pending_name(n)), bytes)?;
                self.pending
                    .lock()
                    .expect("no panics holding the lock")
                    .push((n, path.to_string()));
                on_disk
            }
        };
        let entry = Entry {
            inputs,
            content,
            size: bytes.len() as u64,
            on_disk,
        };
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

    fn keep_folder(&self, dir: &str) -> bool {
        let prefix = format!("{}/", dir.trim_end_matches('/'));
        for (path, old) in self.old.files.range(prefix.clone()..) {
            if !path.starts_with(&prefix) {
                break;
            }
            self.record(path, *old);
        }
        true
    }
}

impl Drop for InPlace {
    fn drop(&mut self) {
        if !self.committed {
            self.journal.discard();
        }
    }
}

/// Writes a new file at `path` and returns what the file system says of it.
fn write_new(path: &Path, bytes: &[u8]) -> Result<OnDisk> {
    use std::io::Write as _;
    let failed = || format!("{}: cannot write", path.display());
    let mut file = std::fs::File::create(path).with_context(failed)?;
    file.write_all(bytes).with_context(failed)?;
    Ok(OnDisk::of(&file.metadata().with_context(failed)?))
}

fn pending_name(n: usize) -> String {
    format!("{n}.nashra-tmp")
}

/// One change an incremental build makes to the output folder.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Change {
    /// Move the pending file `pending` to `path`.
    Put { pending: String, path: String },
    /// Delete `path`: no page produces it any more.
    Remove(String),
}

const JOURNAL_VERSION: &str = "nashra-journal 1";

/// The files beside an output folder, in `.nashra-cache/`, through which an
/// incremental build changes it all at once.
struct Journal {
    /// The list of changes; it exists only once complete (renamed from
    /// `tmp`), which is the moment the build commits.
    path: PathBuf,
    tmp: PathBuf,
    /// The new and changed files, waiting to be moved into place.
    pending: PathBuf,
    /// The manifest describing the output once the changes are made.
    next_manifest: PathBuf,
}

impl Journal {
    fn for_output(target: &Path) -> Journal {
        let manifest = Manifest::path_for(target);
        Journal {
            path: manifest.with_extension("journal"),
            tmp: manifest.with_extension("journal.tmp"),
            pending: manifest.with_extension("pending"),
            next_manifest: manifest.with_extension("next.manifest"),
        }
    }

    /// Writes the journal whole, then makes it visible in one rename.
    fn write(&self, changes: &[Change]) -> Result<()> {
        let mut text = String::with_capacity(changes.len() * 48 + 32);
        text.push_str(JOURNAL_VERSION);
        text.push('\n');
        for change in changes {
            match change {
                Change::Put { pending, path } => {
                    text.push_str("put\t");
                    text.push_str(pending);
                    text.push('\t');
                    text.push_str(path);
                }
                Change::Remove(path) => {
                    text.push_str("remove\t");
                    text.push_str(path);
                }
            }
            text.push('\n');
        }
        text.push_str("end\n");
        std::fs::write(&self.tmp, text)
            .with_context(|| format!("{}: cannot write", self.tmp.display()))?;
        std::fs::rename(&self.tmp, &self.path)
            .with_context(|| format!("{}: cannot write", self.path.display()))
    }

    /// The changes of a complete journal; `None` when there is none.
    fn read(&self) -> Option<Vec<Change>> {
        let text = std::fs::read_to_string(&self.path).ok()?;
        let mut lines = text.lines();
        if lines.next()? != JOURNAL_VERSION {
            return None;
        }
        let mut changes = Vec::new();
        for line in lines {
            if line == "end" {
                return Some(changes);
            }
            let mut parts = line.splitn(3, '\t');
            changes.push(match (parts.next()?, parts.next()?, parts.next()) {
                ("put", pending, Some(path)) => Change::Put {
                    pending: pending.to_string(),
                    path: path.to_string(),
                },
                ("remove", path, None) => Change::Remove(path.to_string()),
                _ => return None,
            });
        }
        None
    }

    /// Makes the changes in `target`. Each is done once: a pending file
    /// already moved, or a file already deleted, is passed over, so that a
    /// journal is applied again safely after a build killed halfway through
    /// it. Returns how many files were deleted.
    fn apply(&self, target: &Path, changes: &[Change]) -> Result<usize> {
        let puts: Vec<(&str, &str)> = changes
            .iter()
            .filter_map(|c| match c {
                Change::Put { pending, path } => Some((pending.as_str(), path.as_str())),
                Change::Remove(_) => None,
            })
            .collect();
        // The crash test stops the build once half the files have moved,
        // counted as they move: an index would race with the other worker.
        let half = (puts.len() / 2).max(1);
        let moved = AtomicUsize::new(0);
        puts.par_iter()
            .try_for_each(|(pending, path)| -> Result<()> {
                let from = self.pending.join(pending);
                if !from.exists() {
                    return Ok(());
                }
                let to = target.join(safe_relative(path)?);
                if let Some(parent) = to.parent() {
                    std::fs::create_dir_all(parent)
                        .with_context(|| format!("{}: cannot create folder", parent.display()))?;
                }
                move_file(&from, &to)?;
                if moved.fetch_add(1, Ordering::SeqCst) + 1 == half {
                    crash_point("incremental-apply");
                }
                Ok(())
            })?;
        let mut removed = 0;
        for change in changes {
            if let Change::Remove(path) = change {
                let full = target.join(safe_relative(path)?);
                if std::fs::remove_file(&full).is_ok() {
                    removed += 1;
                }
                remove_empty_parents(&full, target);
            }
        }
        Ok(removed)
    }

    /// After the changes are made: the next manifest becomes the manifest,
    /// and the journal is done with.
    fn finish(&self, manifest: &Path) -> Result<()> {
        if self.next_manifest.exists() {
            std::fs::rename(&self.next_manifest, manifest)
                .with_context(|| format!("{}: cannot write", manifest.display()))?;
        }
        std::fs::remove_file(&self.path)
            .with_context(|| format!("{}: cannot remove", self.path.display()))
    }

    /// Removes whatever an uncommitted (failed or killed) build left.
    fn discard(&self) {
        let _ = std::fs::remove_file(&self.tmp);
        let _ = std::fs::remove_file(&self.next_manifest);
        let _ = std::fs::remove_dir_all(&self.pending);
    }
}

/// Moves a pending file into the output folder: a rename, so that a reader
/// never sees half a file; a copy where the two are on different devices.
fn move_file(from: &Path, to: &Path) -> Result<()> {
    if std::fs::rename(from, to).is_ok() {
        return Ok(());
    }
    std::fs::copy(from, to).with_context(|| format!("{}: cannot write", to.display()))?;
    let _ = std::fs::remove_file(from);
    Ok(())
}

/// Exchanges two folders in one step, where the system can.
#[cfg(all(target_os = "linux", any(target_env = "gnu", target_env = "musl")))]
fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let a = CString::new(a.as_os_str().as_bytes())?;
    let b = CString::new(b.as_os_str().as_bytes())?;
    // SAFETY: both paths are NUL-terminated strings that outlive the call.
    let done = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if done == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

#[cfg(not(all(target_os = "linux", any(target_env = "gnu", target_env = "musl"))))]
fn exchange(_: &Path, _: &Path) -> std::io::Result<()> {
    Err(std::io::ErrorKind::Unsupported.into())
}

/// Where a swap without exchange moves the previous site aside.
fn aside(staging: &Path) -> PathBuf {
    let name = staging.file_name().expect("staging has a name");
    staging.with_file_name(format!("{}.old", name.to_string_lossy()))
}

/// The prefix of the staging folders of output folder `name`.
fn staging_prefix(name: &str) -> String {
    format!(".{name}.nashra-staging-")
}

/// Cleans up after earlier builds that were killed, before this one starts
/// (under the build lock, so that no running build is disturbed): puts back
/// a previous site left aside by a swap cut short, completes an incremental
/// build's journalled changes, and removes staging folders and pending
/// files. Afterwards the output folder is a whole site, old or new.
pub fn recover(target: &Path) -> Result<()> {
    let target = absolute(target)?;
    let (Some(parent), Some(name)) = (target.parent(), target.file_name()) else {
        return Ok(());
    };
    let prefix = staging_prefix(&name.to_string_lossy());
    let leftovers: Vec<PathBuf> = match std::fs::read_dir(parent) {
        Ok(entries) => entries
            .filter_map(|e| e.ok())
            .filter(|e| e.file_name().to_string_lossy().starts_with(&prefix))
            .map(|e| e.path())
            .collect(),
        Err(_) => Vec::new(),
    };
    if !target.exists()
        && let Some(previous) = leftovers
            .iter()
            .find(|p| p.extension().is_some_and(|e| e == "old"))
    {
        std::fs::rename(previous, &target).with_context(|| {
            format!(
                "{}: cannot put back the previous site from {}",
                target.display(),
                previous.display()
            )
        })?;
    }
    let journal = Journal::for_output(&target);
    if let Some(changes) = journal.read() {
        journal.apply(&target, &changes)?;
        journal.finish(&Manifest::path_for(&target))?;
    } else {
        let _ = std::fs::remove_file(&journal.path);
    }
    journal.discard();
    for dir in leftovers.iter().filter(|p| p.exists()) {
        std::fs::remove_dir_all(dir).with_context(|| {
            format!("{}: cannot remove what a killed build left", dir.display())
        })?;
    }
    Ok(())
}

/// Stops the process dead at a named point of writing the site when the
/// environment variable `NASHRA_CRASH_AT` names it: how the tests kill a
/// build at the worst moments to check that the next build recovers.
fn crash_point(name: &str) {
    if std::env::var_os("NASHRA_CRASH_AT").is_some_and(|v| v == name) {
        std::process::abort();
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

    fn names_in(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_swap_cut_short_puts_the_previous_site_back() {
        let root = tempfile::tempdir().unwrap();
        let out = root.path().join("public");
        let site = root.path().join("site");
        std::fs::create_dir_all(&site).unwrap();
        let first = Staging::new(&out, &site, 0).unwrap();
        first.put("index.html", "نشرة الأمس".as_bytes()).unwrap();
        first.commit().unwrap();
        // Killed between moving the old site aside and moving the new one
        // in, where folders cannot be exchanged in one step.
        let staging = root.path().join(".public.nashra-staging-77");
        std::fs::rename(&out, aside(&staging)).unwrap();
        std::fs::create_dir_all(&staging).unwrap();
        std::fs::write(staging.join("index.html"), "نشرة اليوم").unwrap();
        recover(&out).unwrap();
        assert_eq!(
            std::fs::read_to_string(out.join("index.html")).unwrap(),
            "نشرة الأمس"
        );
        assert_eq!(names_in(root.path()), [".nashra-cache", "public", "site"]);
    }

    #[test]
    fn only_a_complete_journal_is_applied() {
        let root = tempfile::tempdir().unwrap();
        let out = root.path().join("public");
        std::fs::create_dir_all(&out).unwrap();
        std::fs::write(out.join("old.html"), "قديم").unwrap();
        let journal = Journal::for_output(&out);
        std::fs::create_dir_all(&journal.pending).unwrap();
        std::fs::write(journal.pending.join("0.nashra-tmp"), "جديد").unwrap();
        let changes = vec![
            Change::Put {
                pending: "0.nashra-tmp".into(),
                path: "articles/new/index.html".into(),
            },
            Change::Remove("old.html".into()),
        ];
        // Cut short: no `end`, so it was never committed.
        std::fs::write(
            &journal.path,
            format!("{JOURNAL_VERSION}\nput\t0.nashra-tmp\tarticles/new/index.html\n"),
        )
        .unwrap();
        assert_eq!(journal.read(), None);
        recover(&out).unwrap();
        assert_eq!(names_in(&out), ["old.html"]);
        assert!(!journal.pending.exists() && !journal.path.exists());
        // Complete: applied once, and again harmlessly.
        std::fs::create_dir_all(&journal.pending).unwrap();
        std::fs::write(journal.pending.join("0.nashra-tmp"), "جديد").unwrap();
        journal.write(&changes).unwrap();
        assert_eq!(journal.read(), Some(changes.clone()));
        assert_eq!(journal.apply(&out, &changes).unwrap(), 1);
        assert_eq!(journal.apply(&out, &changes).unwrap(), 0);
        recover(&out).unwrap();
        assert_eq!(names_in(&out), ["articles"]);
        assert_eq!(
            std::fs::read_to_string(out.join("articles/new/index.html")).unwrap(),
            "جديد"
        );
        assert!(!journal.path.exists());
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
