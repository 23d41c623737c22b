package dev.jig.service.postgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** One piece of init SQL: given inline, or a file read at start. */
record InitStep(String sql, Path file) {

    static InitStep sql(String sql) {
        return new InitStep(sql, null);
    }

    static InitStep script(Path file) {
        return new InitStep(null, file);
    }

    /** "initSql #1" or "initScript schema.sql (/abs/path)", for messages. */
    String describe(int index) {
        return file == null ? "initSql #" + index : "initScript " + file.toAbsolutePath();
    }

    String read() throws IOException {
        return file == null ? sql : Files.readString(file);
    }
}
