//! The `nashra` command line.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use clap::{Parser, Subcommand};

use nashra::config::Config;

/// See [`nashra::allocator`].
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
    },
    /// Show what nashra understood of each article, without writing the site.
    Inspect {
        /// Print JSON (see the README for its fields).
        #[arg(long)]
        json: bool,
        /// Only these files (paths as given, e.g. seeds/a.txt).
        files: Vec<PathBuf>,
    },
    /// Write a synthetic Arabic news archive (a complete site folder) for benchmarks.
    BenchCorpus {
        /// How many articles to write.
        #[arg(long)]
        n: usize,
        /// Folder to write the site into (its seeds/ and content/ are replaced).
        #[arg(long)]
        out: PathBuf,
        /// Seed of the generator: the same seed writes the same bytes.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Templates folder to copy into the site (default: ./templates if it exists).
        #[arg(long)]
        templates: Option<PathBuf>,
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
    nashra::allocator::no_huge_pages();
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
    if let Command::BenchCorpus {
        n,
        out,
        seed,
        templates,
    } = &cli.command
    {
        return bench_corpus(*n, out, *seed, templates.as_deref());
    }
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
        Command::Build { output, quiet } => {
            let progress = nashra::build::Progress::for_terminal(quiet);
            let report = nashra::build::build_with(&config, output.as_deref(), progress)?;
            if !quiet {
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
        Command::BenchCorpus { .. } | Command::Serve { .. } => {
            unreachable!("handled before loading a configuration")
        }
        Command::Inspect { json, files } => {
            let corpus = nashra::build::understand(&config)?;
            let wanted: Vec<String> = files.iter().map(|f| normalise_arg(f)).collect();
            for w in &wanted {
                if !corpus.articles.iter().any(|a| a.file == *w) {
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
                nashra::entities::suggest::report(&corpus, toml, limit)
            );
        }
    }
    Ok(())
}

fn bench_corpus(
    n: usize,
    out: &std::path::Path,
    seed: u64,
    templates: Option<&std::path::Path>,
) -> Result<()> {
    let default = std::path::Path::new("templates");
    let templates = templates.or_else(|| default.is_dir().then_some(default));
    let start = std::time::Instant::now();
    let corpus = nashra::bench_corpus::Corpus::new(n, seed);
    let s = nashra::bench_corpus::write_site(out, &corpus, templates)?;
    println!(
        "wrote {} articles ({} raw, {} Markdown) telling {} events, {:.1} MB, into {} ({:.2} s)",
        s.articles,
        s.raw,
        s.markdown,
        s.events,
        s.bytes as f64 / 1e6,
        out.display(),
        start.elapsed().as_secs_f64()
    );
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
