#if canImport(Glibc)
import Glibc
#endif

/// The process's memory as the system sees it.
public enum Geheugen {
    #if canImport(Glibc)
    /// glibc's `malloc_trim` (declared in malloc.h, which the Glibc module does not export), looked up once.
    private static let trim: (@convention(c) (Int) -> Int32)? = {
        guard let f = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return nil }
        return unsafeBitCast(f, to: (@convention(c) (Int) -> Int32).self)
    }()
    /// glibc's `mallopt`, for `M_ARENA_MAX` (-8).
    private static let mallopt: (@convention(c) (Int32, Int32) -> Int32)? = {
        guard let f = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return nil }
        return unsafeBitCast(f, to: (@convention(c) (Int32, Int32) -> Int32).self)
    }()
    #endif

    /// Lets the threads that start from now on share at most `n` heaps. glibc gives threads heaps of their own (up to
    /// eight per core); what one phase's threads leave in theirs is not given back whole, and it came on top of the
    /// next phase's memory (the national delta 915 -> 994 MB at its peak when the import's rows were translated on
    /// four threads with a heap each). Does nothing where the C library has no `mallopt`.
    public static func beperkHeaps(tot n: Int) {
        #if canImport(Glibc)
        _ = mallopt?(-8, Int32(n))
        #endif
    }

    /// Gives freed memory back to the system (glibc keeps what a phase freed in its heap, so the resident size of an
    /// import stayed at the checking phase's high-water mark while the monthly sums and BI facts took theirs on top).
    /// Does nothing where the C library has no `malloc_trim`.
    public static func geefVrijTerug() {
        #if canImport(Glibc)
        _ = trim?(0)
        #endif
    }
}
