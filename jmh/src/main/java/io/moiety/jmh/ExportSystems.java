package io.moiety.jmh;

import io.moiety.chem.Element;
import io.moiety.chem.Structure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes the comparison systems of {@link PeerTiming} as extended XYZ (Å) so that the PyTorch
 * peer reads exactly the same atoms: {@code alkanes32.xyz} (32 frames), {@code hexane1000.xyz} and {@code propane1.xyz}.
 *
 * <pre>java -cp jmh/target/benchmarks.jar io.moiety.jmh.ExportSystems benchmarks/peer/systems</pre>
 */
public final class ExportSystems {
    private ExportSystems() {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "benchmarks/peer/systems");
        Files.createDirectories(dir);
        for (String name : List.of("alkanes32", "hexane1000", "propane1")) {
            StringBuilder sb = new StringBuilder();
            for (Structure s : PeerTiming.system(name)) {
                sb.append(s.size()).append('\n');
                sb.append("Properties=species:S:1:pos:R:3 pbc=\"F F F\" generator=io.moiety.jmh.BenchSystems\n");
                double[] x = s.positions();
                for (int i = 0; i < s.size(); i++) {
                    sb.append(String.format(Locale.ROOT, "%-2s %16.10f %16.10f %16.10f%n",
                            Element.ofZ(s.atomicNumbers()[i]).symbol(), x[3 * i], x[3 * i + 1], x[3 * i + 2]));
                }
            }
            Path out = dir.resolve(name + ".xyz");
            Files.writeString(out, sb.toString());
            System.out.println("wrote " + out);
        }
    }
}
