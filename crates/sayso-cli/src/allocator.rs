//! The allocator the `sayso` command runs with, shared with the throughput bench
//! (`benches/throughput.rs`) so that the bench measures what the command does.

// The pipeline allocates many small, short-lived vectors (a parse tree's nodes, a token's
// features); mimalloc serves them faster than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's option index for the purge delay: the one before `use_numa_nodes` in its
/// `mi_option_t` (v2 and v3 alike); the Rust bindings name no constant for it.
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t =
    libmimalloc_sys::mi_option_use_numa_nodes - 1;

/// Freed memory stays with the process instead of going back to the OS after 10 ms: each batch
/// of documents frees and reallocates about the same memory, and returning it cost thousands of
/// page faults a run (PolNeAR dev x20 with --reported: 6,000 against 770; 7 of 8 alternating
/// runs faster, about 5%; peak RSS 25-30 MB higher, still bounded by the largest batch).
pub fn keep_freed_memory() {
    // SAFETY: setting an option is always allowed; -1 means "never purge".
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, -1) };
}
