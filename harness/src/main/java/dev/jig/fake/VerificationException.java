package dev.jig.fake;

import org.apiguardian.api.API;

/**
 * A fake did not receive what the test expected. The message names the fake, says what was
 * expected and lists what it did receive, e.g.:
 *
 * <pre>
 * bank did not receive BalanceQuery[customer=Jane Doe] within 2 s.
 * It received 2 requests:
 *   #1 conn 1 {"customer":"John Doe"} -> replied {"balance":100}
 *   #2 conn 1 {"oops":1} -> UNMATCHED
 * Protocol errors: none
 * </pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class VerificationException extends AssertionError {

    public VerificationException(String message) {
        super(message);
    }
}
