//! The progress bar of corpus runs: documents, attributions, documents/s and, when the input's
//! size is known, bytes read and time left. Drawn on a terminal only; quiet when piped.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Instant;

pub struct Progress {
    bar: ProgressBar,
    bytes_read: Arc<AtomicU64>,
    sized: bool,
    started: Instant,
    documents: std::cell::Cell<u64>,
    attributions: std::cell::Cell<u64>,
}

impl Progress {
    pub fn new(quiet: bool, total_bytes: Option<u64>, bytes_read: Arc<AtomicU64>) -> Self {
        let shown = !quiet && std::io::stderr().is_terminal();
        let bar = match total_bytes {
            Some(total) => ProgressBar::new(total).with_style(
                ProgressStyle::with_template("{bar:30} {bytes}/{total_bytes} {msg} ETA {eta}")
                    .expect("valid template"),
            ),
            None => ProgressBar::new_spinner().with_style(
                ProgressStyle::with_template("{spinner} {msg}").expect("valid template"),
            ),
        };
        bar.set_draw_target(if shown {
            ProgressDrawTarget::stderr_with_hz(4)
        } else {
            ProgressDrawTarget::hidden()
        });
        Progress {
            bar,
            bytes_read,
            sized: total_bytes.is_some(),
            started: Instant::now(),
            documents: 0.into(),
            attributions: 0.into(),
        }
    }

    pub fn advance(&self, documents: usize, attributions: usize) {
        self.documents.set(self.documents.get() + documents as u64);
        self.attributions
            .set(self.attributions.get() + attributions as u64);
        if self.sized {
            self.bar
                .set_position(self.bytes_read.load(Ordering::Relaxed));
        } else {
            self.bar.tick();
        }
        let rate = self.documents.get() as f64 / self.started.elapsed().as_secs_f64().max(1e-9);
        self.bar.set_message(format!(
            "{} documents, {} attributions, {rate:.0} docs/s",
            self.documents.get(),
            self.attributions.get()
        ));
    }

    /// A message above the bar (or plain on stderr when there is no bar).
    pub fn println(&self, message: &str) {
        if self.bar.is_hidden() {
            eprintln!("{message}");
        } else {
            self.bar.println(message);
        }
    }

    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}
