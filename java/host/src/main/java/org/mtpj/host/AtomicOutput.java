package org.mtpj.host;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;
import org.mtpj.core.UserError;
import org.mtpj.core.io.OutputTarget;

/**
 * How every output file is written: into a temporary file beside the target, flushed to disk
 * (fsync) and renamed over the target by {@link #commit()}. Closing without a commit (bad input
 * half-way, an exception, Ctrl-C) deletes the temporary file and leaves the target as it was, so
 * no command leaves a half-written file at its final path or destroys the one already there.
 *
 * <pre>{@code
 * try (AtomicOutput o = AtomicOutput.create(path)) {
 *     Writer w = o.writer(StandardCharsets.UTF_8);
 *     ...
 *     o.commit();
 * }
 * }</pre>
 *
 * A symbolic link is followed (the file it points to is replaced, the link kept). A target that
 * exists and is not a regular file ({@code /dev/null}, a pipe) is written directly: renaming over
 * it would replace the device.
 */
public final class AtomicOutput implements OutputTarget {
    /** What a caller writes through a writer. */
    @FunctionalInterface
    public interface WriterBody {
        void write(Writer w) throws IOException;
    }

    /** What a caller writes through a byte stream. */
    @FunctionalInterface
    public interface StreamBody {
        void write(OutputStream out) throws IOException;
    }

    private final Path target;
    private final Path temp; // null when writing directly (device, pipe)
    private final FileChannel channel;
    private final OutputStream stream;
    private Writer writer;
    private boolean finished;

    private AtomicOutput(Path target, Path temp, FileChannel channel, OutputStream stream) {
        this.target = target;
        this.temp = temp;
        this.channel = channel;
        this.stream = stream;
    }

    /** Starts writing path (nothing at path changes before {@link #commit()}). */
    public static AtomicOutput create(Path path) {
        Path target = path.toAbsolutePath();
        try {
            if (Files.isSymbolicLink(target) && Files.exists(target)) target = target.toRealPath();
            if (Files.isDirectory(target)) throw new UserError("cannot write " + path + ": it is a folder");
            if (Files.exists(target) && !Files.isRegularFile(target)) {
                OutputStream direct = new BufferedOutputStream(Files.newOutputStream(target), 1 << 16);
                return new AtomicOutput(target, null, null, direct);
            }
            Path dir = target.getParent();
            Path temp = dir.resolve("." + target.getFileName() + "."
                    + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 16) + ".part");
            FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            PendingOutputs.add(temp);
            keepPermissions(target, temp);
            return new AtomicOutput(target, temp, ch, new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16));
        } catch (NoSuchFileException e) {
            throw new UserError("cannot write " + path + ": folder " + target.getParent() + " does not exist");
        } catch (AccessDeniedException e) {
            throw new UserError("cannot write " + path + ": permission denied in " + target.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
        }
    }

    /** A replaced file keeps its permissions, as when it is overwritten in place. */
    private static void keepPermissions(Path target, Path temp) {
        try {
            if (Files.exists(target)) Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(target));
        } catch (IOException | UnsupportedOperationException ignored) {
            // not POSIX, or not ours to read: the new file gets the default permissions
        }
    }

    /** The final path (absolute, links resolved). */
    public Path target() { return target; }

    @Override public String name() { return target.toString(); }

    /** The bytes of the file (buffered; not closed by the caller). */
    @Override public OutputStream stream() { return stream; }

    /** A buffered writer over {@link #stream()} in charset cs (the same one on every call). */
    @Override public Writer writer(Charset cs) {
        if (writer == null) writer = new BufferedWriter(new OutputStreamWriter(stream, cs), 1 << 16);
        return writer;
    }

    /** Flushes, syncs to disk and renames the temporary file over the target. */
    public void commit() {
        if (finished) return;
        try {
            if (writer != null) writer.flush();
            stream.flush();
            if (channel != null) channel.force(true);
            stream.close();
            if (temp != null) {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                PendingOutputs.remove(temp);
                syncFolder(target.getParent());
            }
            finished = true;
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** Makes the rename itself durable (best effort: not every file system allows it). */
    private static void syncFolder(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException ignored) {
            // the data is synced; only the rename may be lost in a crash
        }
    }

    /** Without a commit: deletes the temporary file; the target is untouched. */
    @Override
    public void close() {
        if (finished) return;
        finished = true;
        try {
            stream.close();
        } catch (IOException ignored) {
            // discarding anyway
        }
        if (temp != null) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // left for the shutdown hook
                return;
            }
            PendingOutputs.remove(temp);
        }
    }

    /** Writes a whole file through a writer. */
    public static void write(Path path, Charset cs, WriterBody body) {
        try (AtomicOutput o = create(path)) {
            body.write(o.writer(cs));
            o.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
        }
    }

    /** Writes a whole file through a byte stream. */
    public static void writeBytes(Path path, StreamBody body) {
        try (AtomicOutput o = create(path)) {
            body.write(o.stream());
            o.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
        }
    }

    /** Writes a text as the whole file. */
    public static void writeString(Path path, CharSequence text, Charset cs) {
        write(path, cs, w -> w.append(text));
    }
}
