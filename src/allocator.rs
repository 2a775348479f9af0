//! How the nashra binaries allocate.
//!
//! Both the command line and the benchmark use mimalloc as the global
//! allocator: every stage allocates many small strings and vectors on two
//! threads, and mimalloc serves them with far less contention and
//! fragmentation than the system allocator.

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
