package io.idcardstream.serde;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.Decoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.util.Utf8;

/**
 * Avro binary decoding of one record held in memory, where every length the data declares is checked against
 * the bytes that are left <em>before</em> anything is allocated. Avro's own decoder allocates a {@code bytes} or
 * {@code string} of the declared length first and reads after, and sizes arrays and maps by their declared item
 * count: a 32-byte record declaring a 2 GiB string ends in an {@code OutOfMemoryError}, not an exception a
 * dead-letter handler can catch. (Avro's {@code org.apache.avro.limits.*} system properties only set one
 * process-wide ceiling; the bytes of the record at hand are the honest bound.)
 *
 * <p>Bounds: a string or bytes value no longer than the remaining bytes; an array or map block of no more items
 * than remaining bytes (every map entry and every array item of our schemas takes at least one byte: an array of
 * more zero-byte items, such as nulls, than bytes left would be refused).
 *
 * <p>Reads through a {@link org.apache.avro.io.DirectBinaryDecoder}, which takes no bytes ahead of what it
 * decodes, so the stream's position is the decoder's.
 *
 * <p>Threading notes: one record, one thread.
 */
final class BoundedBinaryDecoder extends Decoder {

    /** A length or count in the data that the rest of the record cannot hold; the message quotes no content. */
    static final class DeclaredLengthException extends IOException {
        private static final long serialVersionUID = 1L;

        DeclaredLengthException(String what, long declared, int remaining) {
            super("a " + what + " declares " + declared + " but only " + remaining + " bytes of the record remain");
        }
    }

    private final ByteArrayInputStream in;
    private final BinaryDecoder delegate;

    BoundedBinaryDecoder(byte[] data, int offset, int length) {
        this.in = new ByteArrayInputStream(data, offset, length);
        this.delegate = DecoderFactory.get().directBinaryDecoder(in, null);
    }

    /** True when every byte of the record was read. */
    boolean isEnd() {
        return in.available() == 0;
    }

    private int length(String what) throws IOException {
        long declared = delegate.readLong();
        int remaining = in.available();
        if (declared < 0 || declared > remaining) {
            throw new DeclaredLengthException(what + " length", declared, remaining);
        }
        return (int) declared;
    }

    private long items(String what, long declared) throws IOException {
        int remaining = in.available();
        if (declared < 0 || declared > remaining) {
            throw new DeclaredLengthException(what + " block of items", declared, remaining);
        }
        return declared;
    }

    @Override
    public void readNull() throws IOException {
        delegate.readNull();
    }

    @Override
    public boolean readBoolean() throws IOException {
        return delegate.readBoolean();
    }

    @Override
    public int readInt() throws IOException {
        return delegate.readInt();
    }

    @Override
    public long readLong() throws IOException {
        return delegate.readLong();
    }

    @Override
    public float readFloat() throws IOException {
        return delegate.readFloat();
    }

    @Override
    public double readDouble() throws IOException {
        return delegate.readDouble();
    }

    @Override
    public Utf8 readString(Utf8 old) throws IOException {
        int length = length("string");
        Utf8 result = old != null ? old : new Utf8();
        result.setByteLength(length);
        if (length > 0) {
            delegate.readFixed(result.getBytes(), 0, length);
        }
        return result;
    }

    @Override
    public String readString() throws IOException {
        return readString(null).toString();
    }

    @Override
    public void skipString() throws IOException {
        delegate.skipFixed(length("string"));
    }

    @Override
    public ByteBuffer readBytes(ByteBuffer old) throws IOException {
        int length = length("bytes");
        ByteBuffer result;
        if (old != null && length <= old.capacity()) {
            result = old;
            result.clear();
        } else {
            result = ByteBuffer.allocate(length);
        }
        delegate.readFixed(result.array(), result.position(), length);
        result.limit(length);
        return result;
    }

    @Override
    public void skipBytes() throws IOException {
        delegate.skipFixed(length("bytes"));
    }

    @Override
    public void readFixed(byte[] bytes, int start, int length) throws IOException {
        // The length comes from the schema, not the data.
        delegate.readFixed(bytes, start, length);
    }

    @Override
    public void skipFixed(int length) throws IOException {
        delegate.skipFixed(length);
    }

    @Override
    public int readEnum() throws IOException {
        return delegate.readEnum();
    }

    @Override
    public long readArrayStart() throws IOException {
        return items("array", delegate.readArrayStart());
    }

    @Override
    public long arrayNext() throws IOException {
        return items("array", delegate.arrayNext());
    }

    @Override
    public long skipArray() throws IOException {
        return items("array", delegate.skipArray());
    }

    @Override
    public long readMapStart() throws IOException {
        return items("map", delegate.readMapStart());
    }

    @Override
    public long mapNext() throws IOException {
        return items("map", delegate.mapNext());
    }

    @Override
    public long skipMap() throws IOException {
        return items("map", delegate.skipMap());
    }

    @Override
    public int readIndex() throws IOException {
        return delegate.readIndex();
    }
}
