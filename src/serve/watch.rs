//! Watching the site's inputs for changes.
//!
//! `notify` reports the operating system's file events; its "full"
//! debouncer gathers the burst an editor's save makes (a temporary file,
//! a rename, a write, a change of attributes) into one batch, and tells
//! each event's kind, which lets reads be ignored: a build opens the files
//! it reads, and a watcher that took opening for a change would rebuild
//! for ever.

use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{Context, Result};
use notify_debouncer_full::notify::{EventKind, RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, Debouncer, NoCache, new_debouncer_opt};

use crate::config::Config;

/// How long the debouncer waits after a file's last event before reporting
/// it: long enough to gather one save's events, short beside a rebuild.
const SETTLE: Duration = Duration::from_millis(50);

/// What a site's build reads, as absolute paths: folders read whole and
/// single files, and the folders a build writes (ignored, in case an input
/// folder holds them).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WatchSet {
    folders: Vec<PathBuf>,
    files: Vec<PathBuf>,
    written: Vec<PathBuf>,
}

impl WatchSet {
    /// The inputs of `config`'s site, whose build writes `output`:
    /// `content/`, `seeds/`, `templates/`, `static/`, `site.toml` and the
    /// site's entity list.
    pub fn of(config: &Config, output: &Path) -> WatchSet {
        let site = &config.site;
        let folders = [
            &site.content_dir,
            &site.seeds_dir,
            &site.templates_dir,
            &site.static_dir,
        ]
        .into_iter()
        .map(|d| real(&config.resolve(d)))
        .collect();
        let mut files = vec![real(&config.path)];
        if let Some(list) = &site.entities {
            files.push(real(&config.resolve(list)));
        }
        let output = real(output);
        let cache = output.with_file_name(".nashra-cache");
        WatchSet {
            folders,
            files,
            written: vec![output, cache],
        }
    }

    /// True when a change at `path` may change the site. Hidden names are
    /// not: the build skips them, and they are what editors (`.x.swp`,
    /// `.#x`) and nashra's own staging folders are called.
    pub fn is_input(&self, path: &Path) -> bool {
        if self.written.iter().any(|w| path.starts_with(w)) {
            return false;
        }
        if self.files.iter().any(|f| f == path) {
            return true;
        }
        self.folders.iter().any(|folder| {
            path.strip_prefix(folder).is_ok_and(|rel| {
                !rel.components().any(|c| {
                    let name = c.as_os_str().to_string_lossy();
                    name.starts_with('.') || name.ends_with('~')
                })
            })
        })
    }

    /// What to ask the system to watch: each existing input folder with
    /// everything under it, and the folder holding each single file (an
    /// editor often saves by writing a new file and renaming it over the
    /// old one, which a watch on the old file would not see).
    fn roots(&self) -> Vec<(PathBuf, RecursiveMode)> {
        let mut roots: Vec<(PathBuf, RecursiveMode)> = self
            .folders
            .iter()
            .filter(|f| f.is_dir())
            .map(|f| (f.clone(), RecursiveMode::Recursive))
            .collect();
        for file in &self.files {
            let Some(parent) = file.parent() else {
                continue;
            };
            let covered = roots.iter().any(|(root, mode)| {
                root == parent || (*mode == RecursiveMode::Recursive && parent.starts_with(root))
            });
            if !covered && parent.is_dir() {
                roots.push((parent.to_path_buf(), RecursiveMode::NonRecursive));
            }
        }
        roots
    }

    /// Folders and files watched, for the terminal.
    pub fn describe(&self, root: &Path) -> String {
        let root = real(root);
        self.folders
            .iter()
            .filter(|f| f.is_dir())
            .chain(&self.files)
            .map(|p| {
                let shown = p.strip_prefix(&root).unwrap_or(p).display().to_string();
                if p.is_dir() {
                    format!("{shown}/")
                } else {
                    shown
                }
            })
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// `path` made absolute, with symbolic links resolved where it exists (the
/// system reports events under the resolved path), else under its resolved
/// parent.
fn real(path: &Path) -> PathBuf {
    if let Ok(p) = path.canonicalize() {
        return p;
    }
    match (path.parent(), path.file_name()) {
        (Some(parent), Some(name)) if !parent.as_os_str().is_empty() => real(parent).join(name),
        _ => std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf()),
    }
}

/// A running watch; dropping it stops watching.
pub struct Watch {
    _debouncer: Debouncer<RecommendedWatcher, NoCache>,
}

/// Watches `set`, calling `changed` with the input paths of each settled
/// batch of changes (never with an empty list).
pub fn watch(set: WatchSet, changed: impl Fn(Vec<PathBuf>) + Send + 'static) -> Result<Watch> {
    let roots = set.roots();
    let handler = move |result: DebounceEventResult| match result {
        Ok(events) => {
            let mut paths: Vec<PathBuf> = Vec::new();
            for event in events {
                if event.need_rescan() {
                    // The system dropped events: anything may have changed.
                    paths.extend(set.files.first().cloned());
                    continue;
                }
                if matches!(event.kind, EventKind::Access(_)) {
                    continue;
                }
                for path in &event.paths {
                    if set.is_input(path) && !paths.contains(path) {
                        paths.push(path.clone());
                    }
                }
            }
            if !paths.is_empty() {
                changed(paths);
            }
        }
        Err(errors) => {
            for e in errors {
                eprintln!("warning: watching for changes: {e}");
            }
        }
    };
    let mut debouncer = new_debouncer_opt::<_, RecommendedWatcher, NoCache>(
        SETTLE,
        None,
        handler,
        NoCache,
        Default::default(),
    )
    .context("cannot watch the site's files for changes")?;
    for (root, mode) in roots {
        debouncer
            .watch(&root, mode)
            .with_context(|| format!("{}: cannot watch for changes", root.display()))?;
    }
    Ok(Watch {
        _debouncer: debouncer,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;

    fn site() -> (tempfile::TempDir, Config) {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::write(
            root.join("site.toml"),
            "title = \"نشرة\"\nbase_url = \"https://example.org/\"\nentities = \"names.toml\"\n",
        )
        .unwrap();
        std::fs::write(root.join("names.toml"), "").unwrap();
        for folder in ["content", "seeds", "templates", "static"] {
            std::fs::create_dir_all(root.join(folder)).unwrap();
        }
        let config = Config::load(&root.join("site.toml")).unwrap();
        (dir, config)
    }

    #[test]
    fn inputs_are_the_folders_the_config_and_the_entity_list() {
        let (dir, config) = site();
        let root = dir.path().canonicalize().unwrap();
        let set = WatchSet::of(&config, &dir.path().join(".nashra-serve"));
        for input in [
            "content/2025/qimma.md",
            "seeds/000_afp.txt",
            "templates/article.html",
            "static/style.css",
            "site.toml",
            "names.toml",
        ] {
            assert!(set.is_input(&root.join(input)), "{input}");
        }
        for other in [
            "content/.qimma.md.swp",
            "content/qimma.md~",
            "seeds/.#000_afp.txt",
            "public/index.html",
            ".nashra-serve/index.html",
            "notes.txt",
        ] {
            assert!(!set.is_input(&root.join(other)), "{other}");
        }
    }

    #[test]
    fn output_inside_an_input_folder_is_not_an_input() {
        let (dir, mut config) = site();
        config.site.content_dir = ".".into();
        let root = dir.path().canonicalize().unwrap();
        let output = dir.path().join("serve-out");
        let set = WatchSet::of(&config, &output);
        assert!(set.is_input(&root.join("qimma.md")));
        assert!(!set.is_input(&root.join("serve-out/index.html")));
        assert!(!set.is_input(&root.join(".nashra-cache/serve-out.manifest")));
    }

    #[test]
    fn a_save_is_reported_once_and_reading_is_not_a_change() {
        let (dir, config) = site();
        let article = dir.path().join("content/qimma.md");
        std::fs::write(&article, "+++\ntitle = \"قمة\"\n+++\n\nنص.\n").unwrap();
        let (tx, rx) = mpsc::channel();
        let _watch = watch(WatchSet::of(&config, &dir.path().join("out")), move |p| {
            tx.send(p).unwrap()
        })
        .unwrap();
        // Reading (as every build does) reports nothing.
        std::fs::read(&article).unwrap();
        assert!(rx.recv_timeout(Duration::from_millis(400)).is_err());
        // A save the way many editors make it: a temporary file renamed
        // over the article, then its attributes set.
        let tmp = dir.path().join("content/.qimma.md.tmp");
        std::fs::write(&tmp, "+++\ntitle = \"قمة طارئة\"\n+++\n\nنص.\n").unwrap();
        std::fs::rename(&tmp, &article).unwrap();
        let changed = rx.recv_timeout(Duration::from_secs(10)).unwrap();
        assert_eq!(changed, vec![article.canonicalize().unwrap()]);
        assert!(rx.recv_timeout(Duration::from_millis(300)).is_err());
    }
}
