package io.moiety.chem;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectivityTest {

    /** Reads a test XYZ resource (xtb-optimised neutral glycine, and the same with the acid H on N). */
    private static Structure xyz(String name) throws IOException {
        try (InputStream in = ConnectivityTest.class.getResourceAsStream(name)) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            int n = Integer.parseInt(lines[0].strip());
            List<Integer> z = new ArrayList<>();
            double[] x = new double[3 * n];
            for (int i = 0; i < n; i++) {
                String[] f = lines[2 + i].strip().split("\\s+");
                z.add(Element.ofSymbol(f[0]).z());
                for (int k = 0; k < 3; k++) {
                    x[3 * i + k] = Double.parseDouble(f[1 + k]);
                }
            }
            return Structure.molecule(z.stream().mapToInt(Integer::intValue).toArray(), x);
        }
    }

    @Test
    void optimisedGlycineMatchesItsSmiles() throws IOException {
        Connectivity.Result r = Connectivity.compare(SmilesGraph.parse("NCC(=O)O").graph(), BondPerception.perceive(xyz("glycine.xyz")));
        assertTrue(r.unchanged(), r.reason());
    }

    @Test
    void protonTransferToTheZwitterionIsCaughtWithAReason() throws IOException {
        Structure moved = xyz("glycine-zwitterion.xyz");
        Connectivity.Result r = Connectivity.compare(SmilesGraph.parse("NCC(=O)O").graph(), BondPerception.perceive(moved));
        assertFalse(r.unchanged());
        assertTrue(r.reason().contains("N(H2;C)=1→0"), r.reason());
        assertTrue(r.reason().contains("N(H3;C)=0→1"), r.reason());
        assertTrue(r.reason().contains("O(H1;C)=1→0"), r.reason());
        // and the same geometry is exactly the zwitterion's graph
        assertTrue(Connectivity.compare(SmilesGraph.parse("[NH3+]CC(=O)[O-]").graph(), BondPerception.perceive(moved)).unchanged());
    }

    @Test
    void dissociatedHydrogenIsReported() {
        // H2O with one H pulled 2 Å away: the dissociation is caught
        Structure s = Structure.molecule(new int[] {8, 1, 1}, new double[] {0, 0, 0, 0.96, 0, 0, -0.3, 2.0, 0});
        Connectivity.Result r = Connectivity.compare(SmilesGraph.parse("O").graph(), BondPerception.perceive(s));
        assertFalse(r.unchanged());
        assertTrue(r.reason().contains("H3 has 0 bonded atoms"), r.reason());
    }
}
