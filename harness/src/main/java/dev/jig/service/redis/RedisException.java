package dev.jig.service.redis;

import org.apiguardian.api.API;

/** Redis answered a command with an error reply, e.g. {@code "ERR unknown command 'NOPE'"}. */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public class RedisException extends RuntimeException {

    RedisException(String message) {
        super(message);
    }
}
