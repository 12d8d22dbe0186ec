package io.moiety.train;

import ai.djl.engine.Engine;
import io.moiety.data.FileHash;
import io.moiety.data.Frame;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * Provenance stored in every checkpoint: software versions and hashes of the data the run was
 * trained and validated on.
 *
 * @param moietyVersion  Moiety version (jar manifest, {@code dev} from a source tree)
 * @param djlVersion     DJL version
 * @param engine         deep-learning engine and its version, e.g. {@code PyTorch 2.7.1}
 * @param javaVersion    Java runtime version
 * @param device         device the run trained on
 * @param trainHash      SHA-256 of the training frames (atoms, positions, energies, forces)
 * @param validHash      SHA-256 of the validation frames
 * @param trainFrames    number of training frames
 * @param validFrames    number of validation frames
 * @param created        when the run started (ISO-8601 UTC)
 * @param initializedFrom the checkpoint a warm-started run began from (path and SHA-256), or {@code ""}
 *                        for a run trained from scratch
 */
public record RunMetadata(String moietyVersion, String djlVersion, String engine, String javaVersion,
                          String device, String trainHash, String validHash, int trainFrames, int validFrames,
                          String created, String initializedFrom) {

    public RunMetadata {
        initializedFrom = initializedFrom == null ? "" : initializedFrom; // checkpoints before warm starts
    }

    /** This metadata for a run warm-started from {@code checkpoint} (path and content hash). */
    public RunMetadata withInitializedFrom(Path checkpoint) throws IOException {
        return new RunMetadata(moietyVersion, djlVersion, engine, javaVersion, device, trainHash, validHash,
                trainFrames, validFrames, created,
                checkpoint.toAbsolutePath().normalize() + " sha256:" + FileHash.sha256(checkpoint));
    }

    /** Metadata for a run starting now. */
    public static RunMetadata of(List<Frame> train, List<Frame> valid, String device) {
        String v = RunMetadata.class.getPackage().getImplementationVersion();
        Engine engine = Engine.getInstance();
        return new RunMetadata(v == null ? "dev" : v, Engine.getDjlVersion(),
                engine.getEngineName() + " " + engine.getVersion(), System.getProperty("java.version"),
                device, hash(train), hash(valid), train.size(), valid.size(), Instant.now().toString(), "");
    }

    /** SHA-256 (hex) over atomic numbers, positions, energies and forces of the frames, in order. */
    public static String hash(List<Frame> frames) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            ByteBuffer buf = ByteBuffer.allocate(8);
            for (Frame f : frames) {
                for (int z : f.structure().atomicNumbers()) {
                    md.update((byte) z);
                }
                for (double x : f.structure().positions()) {
                    md.update(buf.clear().putDouble(x).array());
                }
                md.update(buf.clear().putDouble(f.energy()).array());
                if (f.forces() != null) {
                    for (double x : f.forces()) {
                        md.update(buf.clear().putDouble(x).array());
                    }
                }
                md.update((byte) '|');
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
