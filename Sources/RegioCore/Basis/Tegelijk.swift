import Foundation

/// Runs two computations on two cores and returns both results.
public func tweeTegelijk<A, B>(_ eerste: () -> A, _ tweede: () -> B) -> (A, B) {
    return withoutActuallyEscaping(eerste) { e in
        withoutActuallyEscaping(tweede) { t in
            let werk = Tweewerk(e, t)
            DispatchQueue.concurrentPerform(iterations: 2) { i in
                if i == 0 { werk.a = werk.eerste() } else { werk.b = werk.tweede() }
            }
            return (werk.a!, werk.b!)
        }
    }
}

/// Runs `werk(0)` ..< `werk(aantal)` at once (as many at a time as there are cores) and returns their results in order.
public func tegelijk<T>(_ aantal: Int, _ werk: (Int) -> T) -> [T] {
    let uit = UnsafeMutableBufferPointer<T?>.allocate(capacity: aantal)
    uit.initialize(repeating: nil)
    defer { uit.deinitialize(); uit.deallocate() }
    withoutActuallyEscaping(werk) { werk in
        let w = Meerwerk(werk, uit)
        // each iteration writes its own slot of a buffer allocated before
        DispatchQueue.concurrentPerform(iterations: aantal) { i in w.uit[i] = w.werk(i) }
    }
    return uit.map { $0! }
}

private final class Meerwerk<T>: @unchecked Sendable {
    let werk: (Int) -> T
    let uit: UnsafeMutableBufferPointer<T?>
    init(_ werk: @escaping (Int) -> T, _ uit: UnsafeMutableBufferPointer<T?>) { self.werk = werk; self.uit = uit }
}

/// Carries the (non-escaping) work of `tweeTegelijk` and its results across threads.
private final class Tweewerk<A, B>: @unchecked Sendable {
    let eerste: () -> A, tweede: () -> B
    var a: A?, b: B?
    init(_ eerste: @escaping () -> A, _ tweede: @escaping () -> B) { self.eerste = eerste; self.tweede = tweede }
}

/// A value computed on a thread of its own; `waarde` waits for it. Lets a caller compute with the part of its data
/// that is read while another part is still being read.
public final class Toekomst<T>: @unchecked Sendable {
    private let klaar = DispatchSemaphore(value: 0)
    private var uitkomst: T?
    private let slot = NSLock()

    public init(_ werk: @escaping @Sendable () -> T) {
        Thread { [self] in
            let u = werk()
            slot.withLock { uitkomst = u }
            klaar.signal()
        }.start()
    }

    /// Waits until the value is there (any number of times, from any thread).
    public var waarde: T {
        if let u = slot.withLock({ uitkomst }) { return u }
        klaar.wait()
        klaar.signal()
        return slot.withLock { uitkomst! }
    }
}
