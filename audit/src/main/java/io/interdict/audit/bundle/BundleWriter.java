package io.interdict.audit.bundle;

import com.fasterxml.jackson.core.JsonGenerator;
import io.interdict.audit.canonical.Jcs;
import io.interdict.audit.jose.JwkSet;
import io.interdict.audit.merkle.Frontier;
import io.interdict.audit.record.SignedRecord;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Base64;
import java.util.List;

/**
 * Writes an audit bundle (audit/BUNDLE.md) as a stream: the header members first, then one signed
 * record at a time, so neither the writer nor the reader ever holds the history in memory. The
 * caller owns (and closes) the output stream.
 */
public final class BundleWriter {

    /** The {@code format} member of every bundle this code writes and reads. */
    public static final String FORMAT = "interdict-audit-bundle/1";

    private final JsonGenerator json;
    private long nextLeaf = -1;
    private long endLeaf = -1;

    public BundleWriter(OutputStream out) throws IOException {
        this.json = Jcs.mapper().createGenerator(out);
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    /**
     * Everything before the records.
     *
     * @param consistencyPath RFC 9162 section 2.1.4 proof from {@code firstTreeHead} to {@code treeHead}
     * @param leftFrontier the perfect subtrees covering leaves {@code [0, fromLeaf)} (empty when 0)
     */
    public void writeHeader(
            JwkSet keys,
            SignedTreeHead firstTreeHead,
            SignedTreeHead treeHead,
            List<byte[]> consistencyPath,
            Frontier leftFrontier)
            throws IOException {
        json.writeStartObject();
        json.writeStringField("format", FORMAT);
        json.writeFieldName("keys");
        json.writeTree(keys.toJson());
        json.writeFieldName("firstTreeHead");
        json.writeTree(firstTreeHead.toJson());
        json.writeFieldName("treeHead");
        json.writeTree(treeHead.toJson());
        json.writeObjectFieldStart("consistencyProof");
        json.writeNumberField("first", firstTreeHead.treeSize());
        json.writeNumberField("second", treeHead.treeSize());
        writeHashes("consistencyPath", consistencyPath);
        json.writeEndObject();
        json.writeNumberField("fromLeaf", leftFrontier.treeSize());
        writeHashes("leftFrontier", leftFrontier.roots());
        json.writeArrayFieldStart("records");
        nextLeaf = leftFrontier.treeSize();
        endLeaf = treeHead.treeSize();
    }

    /** The next record; it must carry its leaf index. */
    public void writeRecord(SignedRecord record) throws IOException {
        if (nextLeaf < 0) {
            throw new IllegalStateException("write the header first");
        }
        json.writeTree(record.toJson());
        nextLeaf++;
    }

    /** Closes the records array and the bundle, and flushes. */
    public void finish() throws IOException {
        json.writeEndArray();
        json.writeEndObject();
        json.flush();
    }

    /** Leaves in {@code [fromLeaf, treeSize)} not yet written, for writers that check their source. */
    public long remaining() {
        return endLeaf - nextLeaf;
    }

    private void writeHashes(String name, List<byte[]> hashes) throws IOException {
        json.writeArrayFieldStart(name);
        for (byte[] hash : hashes) {
            json.writeString(Base64.getEncoder().encodeToString(hash));
        }
        json.writeEndArray();
    }
}
