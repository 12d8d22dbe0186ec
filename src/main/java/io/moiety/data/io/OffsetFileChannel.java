package io.moiety.data.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;

/**
 * A read-only view of a file channel that starts {@code offset} bytes into the file: position 0 of
 * this channel is byte {@code offset} of the file. Used to read an HDF5 file behind a user block
 * whose superblock gives base address 0, as {@code h5jam} leaves it (the HDF5 library then counts
 * addresses from the superblock; jhdf reads such a file when the user block is out of its sight).
 */
final class OffsetFileChannel extends FileChannel {
    private final FileChannel file;
    private final long offset;

    OffsetFileChannel(FileChannel file, long offset) throws IOException {
        this.file = file;
        this.offset = offset;
        file.position(offset);
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        return file.read(dst);
    }

    @Override
    public long read(ByteBuffer[] dsts, int off, int length) throws IOException {
        return file.read(dsts, off, length);
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
        return file.read(dst, position + offset);
    }

    @Override
    public long position() throws IOException {
        return file.position() - offset;
    }

    @Override
    public FileChannel position(long newPosition) throws IOException {
        file.position(newPosition + offset);
        return this;
    }

    @Override
    public long size() throws IOException {
        return file.size() - offset;
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
        if (mode != MapMode.READ_ONLY) {
            throw new NonWritableChannelException();
        }
        return file.map(mode, position + offset, size);
    }

    @Override
    public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
        return file.transferTo(position + offset, count, target);
    }

    @Override
    public int write(ByteBuffer src) {
        throw new NonWritableChannelException();
    }

    @Override
    public long write(ByteBuffer[] srcs, int off, int length) {
        throw new NonWritableChannelException();
    }

    @Override
    public int write(ByteBuffer src, long position) {
        throw new NonWritableChannelException();
    }

    @Override
    public FileChannel truncate(long size) {
        throw new NonWritableChannelException();
    }

    @Override
    public long transferFrom(ReadableByteChannel src, long position, long count) {
        throw new NonWritableChannelException();
    }

    @Override
    public void force(boolean metaData) {
        // read-only: nothing to write out
    }

    @Override
    public FileLock lock(long position, long size, boolean shared) throws IOException {
        return file.lock(position + offset, size, shared);
    }

    @Override
    public FileLock tryLock(long position, long size, boolean shared) throws IOException {
        return file.tryLock(position + offset, size, shared);
    }

    @Override
    protected void implCloseChannel() throws IOException {
        file.close();
    }
}
