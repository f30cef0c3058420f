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
    #endif

    /// Gives freed memory back to the system (glibc keeps what a phase freed in its heap, so the resident size of an
    /// import stayed at the checking phase's high-water mark while the monthly sums and BI facts took theirs on top).
    /// Does nothing where the C library has no `malloc_trim`.
    public static func geefVrijTerug() {
        #if canImport(Glibc)
        _ = trim?(0)
        #endif
    }
}
