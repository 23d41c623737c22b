package dev.jig.leftover;

import org.apiguardian.api.API;

/**
 * A directory where Jig keeps what a later run acts on is not private to this user (a symbolic link, another
 * owner, writable by others), or could not be made. The message says what was found and what to do.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public final class PrivateDirectoryException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /** With the message to show. */
    public PrivateDirectoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
