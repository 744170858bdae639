public import Foundation

/// Decides whether the tests that need a real SMTP server (Python with aiosmtpd) run.
public enum IntegrationGate {
    /// `PASAR_TEST_SMTP=1` turns a missing aiosmtpd from a skip into a failure (CI sets it).
    public static let isRequired = ProcessInfo.processInfo.environment["PASAR_TEST_SMTP"] == "1"

    /// Runs once per test process, so the reason is printed once rather than for every test.
    private static let decision = Task<Bool, Never> {
        if isRequired { return true }
        let child = try? ChildProcess.python(["-c", "import aiosmtpd"])
        child?.closeInput()
        if let child, await child.exitStatus() == 0 { return true }
        print("Skipping SMTP integration tests: `python3 -c 'import aiosmtpd'` failed. "
            + "Install it with `python3 -m pip install aiosmtpd`; set PASAR_TEST_SMTP=1 to fail instead of skipping.")
        return false
    }

    public static func shouldRun() async -> Bool {
        await decision.value
    }
}
