//! The `nashra` command line.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use clap::{Parser, Subcommand};

use nashra::config::Config;

/// mimalloc, tuned in [`process`]: every stage allocates many small
/// strings and vectors on two threads, and mimalloc serves them with far
/// less contention and fragmentation than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// nashra (نشرة): turns Arabic news articles into a briefing website.
#[derive(Parser)]
#[command(version, about)]
struct Cli {
    /// Path of the site configuration.
    #[arg(long, short, global = true, default_value = "site.toml")]
    config: PathBuf,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into the output folder (public/ by default).
    Build {
        /// Write the site here instead of the configured output folder.
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// Print nothing but errors.
        #[arg(long, short)]
        quiet: bool,
        /// Print the build's report as one line of JSON (counts and stage
        /// times) instead of the summary, for scripts and the benchmark.
        #[arg(long, conflicts_with = "quiet")]
        json: bool,
    },
    /// Show what nashra understood of each article, without writing the site.
    Inspect {
        /// Print JSON (see the README for its fields).
        #[arg(long)]
        json: bool,
        /// Only these files (paths as given, e.g. seeds/a.txt).
        files: Vec<PathBuf>,
    },
    /// Build the site into a folder of its own and serve it on this machine,
    /// rebuilding and reloading open pages whenever an input changes.
    Serve {
        /// Port to listen on [default: 1111, or the next free one].
        #[arg(long, short)]
        port: Option<u16>,
        /// Address to listen on (0.0.0.0 serves other machines too).
        #[arg(long, default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        /// Build here instead of .nashra-serve/ beside site.toml.
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// Open the site in the default browser.
        #[arg(long)]
        open: bool,
    },
    /// Work with the entity list.
    Entities {
        #[command(subcommand)]
        command: EntitiesCommand,
    },
}

#[derive(Subcommand)]
enum EntitiesCommand {
    /// List name-like phrases the entity list does not know, most used first.
    Suggest {
        /// Print entries ready to paste into the site's entity list.
        #[arg(long)]
        toml: bool,
        /// Show at most this many.
        #[arg(long, default_value_t = 50)]
        limit: usize,
    },
}

fn main() -> ExitCode {
    process::no_huge_pages();
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> Result<()> {
    if let Command::Serve {
        port,
        bind,
        output,
        open,
    } = &cli.command
    {
        let options = nashra::serve::Options {
            config: cli.config.clone(),
            bind: *bind,
            port: port.unwrap_or(nashra::serve::DEFAULT_PORT),
            port_fixed: port.is_some(),
            output: output.clone(),
        };
        return nashra::serve::run(&options, *open);
    }
    let config = Config::load(&cli.config)?;
    match cli.command {
        Command::Build {
            output,
            quiet,
            json,
        } => {
            process::keep_freed_memory(nashra::build::is_rebuild(&config, output.as_deref()));
            let progress = nashra::build::Progress::for_terminal(quiet || json);
            let (report, corpus) =
                nashra::build::build_keeping_corpus(&config, output.as_deref(), progress)?;
            // The process ends in a moment and the system takes its memory
            // back at once; freeing every article and story one by one
            // would take a noticeable moment at scale (40 ms of a rebuild at
            // 10,000 articles).
            std::mem::forget(corpus);
            if json {
                println!("{}", serde_json::to_string(&report.to_json())?);
            } else if !quiet {
                for w in &report.warnings {
                    eprintln!("warning: {w}");
                }
                let how = if report.incremental {
                    format!(
                        "updated {} and removed {} of",
                        report.rewritten, report.removed
                    )
                } else {
                    "wrote".to_string()
                };
                if report.repaired > 0 {
                    eprintln!(
                        "warning: {}: {} files were deleted or changed since the last build; written again",
                        report.output.display(),
                        report.repaired
                    );
                }
                let reused = if report.reused_files > 0 {
                    format!(
                        "; {} of {} input files unchanged since the last build",
                        report.reused_files, report.input_files
                    )
                } else {
                    String::new()
                };
                println!(
                    "built {} articles ({} undated, {} drafts skipped) in {} stories: {} pages, {} feeds, {} warnings; {how} {} files in {}{reused} ({:.2} s)",
                    report.articles,
                    report.undated,
                    report.drafts,
                    report.stories,
                    report.pages,
                    report.feeds,
                    report.warnings.len(),
                    report.files,
                    report.output.display(),
                    report.elapsed.as_secs_f64()
                );
            }
        }
        Command::Serve { .. } => unreachable!("handled before loading a configuration"),
        Command::Inspect { json, files } => {
            let corpus = nashra::build::understand(&config)?;
            let wanted: Vec<String> = files.iter().map(|f| normalise_arg(f)).collect();
            for w in &wanted {
                if !corpus.articles.iter().any(|a| a.file == *w) {
                    // A file read but left out says why.
                    let prefix = format!("{w}: ");
                    if let Some(why) = corpus.skipped.iter().find(|s| s.starts_with(&prefix)) {
                        anyhow::bail!("{why}");
                    }
                    anyhow::bail!(
                        "{w}: not an article of this site (inspect takes files under the seeds and content folders)"
                    );
                }
            }
            let report = nashra::inspect::inspect(&corpus, |a| {
                wanted.is_empty() || wanted.contains(&a.file)
            });
            if json {
                println!("{}", serde_json::to_string_pretty(&report)?);
            } else {
                print!("{}", nashra::inspect::to_text(&report));
            }
        }
        Command::Entities {
            command: EntitiesCommand::Suggest { toml, limit },
        } => {
            let corpus = nashra::build::understand(&config)?;
            print!(
                "{}",
                nashra::entities::suggest::report(&corpus.articles, &corpus.entities, toml, limit)
            );
        }
    }
    Ok(())
}

/// `./seeds/a.txt` and `seeds/a.txt` name the same article.
fn normalise_arg(path: &std::path::Path) -> String {
    path.components()
        .filter(|c| !matches!(c, std::path::Component::CurDir))
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// How this process uses memory: settings that hold for the whole process,
/// so they are made here, by the program, and never by the library a test
/// or another program links.
mod process {
    /// mimalloc's option index for how long freed memory waits before it is
    /// handed back to the kernel (`mi_option_purge_delay` in mimalloc.h; the
    /// bindings name no constant for it).
    const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

    /// Sets how long memory freed by a build stays in the process: for good
    /// when `rebuild`, a tenth of a second otherwise.
    ///
    /// A rebuild frees and reuses hundreds of megabytes between stages, and
    /// every page handed back to the kernel is zeroed again when it is reused:
    /// a sixth of an incremental build's CPU time went to clearing pages, so a
    /// rebuild keeps what it frees. A full build of a large archive peaks
    /// inside the stories stage, whose phases free vectors of one size and
    /// allocate another: kept, that memory stays resident beneath the peak, so
    /// a full build hands it back soon. Not at once: each page handed back
    /// while the other thread runs interrupts it to flush its address
    /// translations, which took 5 % of a 10,000-article build's CPU time and
    /// 4.7 s of a 100,000-article one's (63.6 → 58.9 s of user time), for a
    /// peak 14 MB lower (1,439,344 against 1,453,440 KB). mimalloc's own
    /// default, a second, held the 100,000-article peak at 1,474,532 KB.
    pub fn keep_freed_memory(rebuild: bool) {
        let delay = if rebuild { -1 } else { 100 };
        // SAFETY: sets a plain integer option; mimalloc reads it when it
        // decides whether to purge, at any time and from any thread.
        unsafe { libmimalloc_sys::mi_option_set(PURGE_DELAY, delay) }
    }

    /// Asks the kernel not to back this process's memory with transparent
    /// huge pages. mimalloc asks for them on all the memory it maps, and a
    /// 2 MiB page is resident as soon as one byte of it is used: with a large
    /// archive's many small allocations spread over partly used pages, that
    /// held 40 to 60 MB more at 100,000 articles (a fifth more at 10,000), and
    /// a build spent no less CPU time without them.
    pub fn no_huge_pages() {
        // SAFETY: sets a flag of this process; no memory is touched.
        #[cfg(target_os = "linux")]
        unsafe {
            libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
        }
    }

    #[cfg(test)]
    mod tests {
        #[test]
        fn the_option_is_the_purge_delay() {
            // SAFETY: reads a plain integer option.
            let delay = || unsafe { libmimalloc_sys::mi_option_get(super::PURGE_DELAY) };
            // mimalloc's options.c sets the purge delay's default to 1,000 ms.
            assert_eq!(
                delay(),
                1000,
                "option {} is not the purge delay",
                super::PURGE_DELAY
            );
            super::keep_freed_memory(true);
            assert_eq!(delay(), -1);
            super::keep_freed_memory(false);
            assert_eq!(delay(), 100);
        }

        #[cfg(target_os = "linux")]
        #[test]
        fn huge_pages_are_turned_off() {
            super::no_huge_pages();
            // SAFETY: reads a flag of this process.
            let disabled = unsafe { libc::prctl(libc::PR_GET_THP_DISABLE, 0, 0, 0, 0) };
            assert_eq!(disabled, 1);
        }
    }
}
