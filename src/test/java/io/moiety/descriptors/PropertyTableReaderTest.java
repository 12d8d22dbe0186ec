package io.moiety.descriptors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.moiety.data.io.DataFileException;
import io.moiety.data.io.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PropertyTableReaderTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void findsDescriptorCategoryAndTextColumnsAndComputesSigma() throws IOException {
        Path f = write("a.csv", """
                name,smiles,y,d1,ring,d2
                ethanol,CCO,1.0,0.5,0,3
                benzene,c1ccccc1,2.0,1.5,1,4
                "acetic, acid",CC(=O)O,4.0,2.5,0,5
                """);
        PropertyTable t = PropertyTableReader.read(f, PropertyReadOptions.of("smiles", "y"));
        assertEquals(3, t.size());
        assertEquals(List.of("d1", "d2"), t.descriptorNames());
        assertEquals(List.of("ring"), t.categoryNames());
        assertArrayEquals(new double[] {1.5, 4}, t.descriptors()[1]);
        assertTrue(t.categories()[1][0]);
        assertFalse(t.categories()[0][0]);
        assertArrayEquals(new int[] {2, 3, 4}, t.lines());
        // mean 7/3, deviations -4/3, -1/3, 5/3: ss = 42/9, / (n-1) = 7/3
        assertEquals(Math.sqrt(7.0 / 3), t.sigmaAll().value(), 1e-12);
        assertTrue(t.sigmaAll().source().contains("ddof = 1"));
        assertEquals(3.8, PropertyTableReader.read(f, PropertyReadOptions.of("smiles", "y").withSigmaAll(3.8))
                .sigmaAll().value());
    }

    @Test
    void explicitColumnsAndIgnoredColumns() throws IOException {
        Path f = write("b.csv", "smiles,y,d1,d2,plotx\nCCO,1,2,3,9\nCCC,2,3,4,8\n");
        PropertyTable t = PropertyTableReader.read(f, PropertyReadOptions.of("smiles", "y")
                .withIgnoreColumns(Set.of("plotx")));
        assertEquals(List.of("d1", "d2"), t.descriptorNames());
        PropertyTable u = PropertyTableReader.read(f, PropertyReadOptions.of("smiles", "y")
                .withDescriptorColumns(List.of("d2")));
        assertEquals(List.of("d2"), u.descriptorNames());
        DataFileException e = assertThrows(DataFileException.class, () -> PropertyTableReader.read(f,
                PropertyReadOptions.of("smiles", "dGs")));
        assertTrue(e.getMessage().contains("no column 'dGs'") && e.getMessage().contains("smiles, y"), e.getMessage());
    }

    @Test
    void badRowsNameFileLineAndColumn() throws IOException {
        Path smiles = write("s.csv", "smiles,y\nCCO,1\nC1CC,2\n");
        assertMessage(smiles, PropertyReadOptions.of("smiles", "y"), smiles + ":3: smiles: unparsable SMILES 'C1CC'");
        Path target = write("t.csv", "smiles,y\nCCO,1\nCCC,x\n");
        assertMessage(target, PropertyReadOptions.of("smiles", "y"), target + ":3: y: not a number: 'x'");
        Path empty = write("e.csv", "smiles,y,d\nCCO,1,2\nCCC,2,\n");
        assertMessage(empty, PropertyReadOptions.of("smiles", "y"), empty + ":3: d: empty value");
        Path dup = write("d.csv", "smiles,y\nCCO,1\nCCC,2\nOCC,3\n");
        assertMessage(dup, PropertyReadOptions.of("smiles", "y"), dup + ":4: smiles: duplicate molecule OCC (first on line 2)");
        Path cat = write("c.csv", "smiles,y,ring\nCCO,1,0\nCCC,2,1\nCCCC,2,2\n");
        assertMessage(cat, PropertyReadOptions.of("smiles", "y").withCategoryColumns(List.of("ring")),
                cat + ":4: ring: category must be 0 or 1, got '2'");
        Path aromatic = write("k.csv", "smiles,y\nc1cccc1,1\n");
        assertMessage(aromatic, PropertyReadOptions.of("smiles", "y"), aromatic + ":2: smiles: unparsable SMILES");
    }

    private static void assertMessage(Path f, PropertyReadOptions o, String start) {
        DataFileException e = assertThrows(DataFileException.class, () -> PropertyTableReader.read(f, o));
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
    }

    @Test
    void skipInvalidLeavesBadRowsOutAndCountsThem() throws IOException {
        Path f = write("f.csv", "smiles,y\nCCO,1\nC1CC,2\nCCC,x\nOCC,3\nCCCC,4\n");
        PropertyTable t = PropertyTableReader.read(f, PropertyReadOptions.of("smiles", "y").withSkipInvalid(true));
        assertEquals(List.of("CCO", "CCCC"), t.smiles());
        assertArrayEquals(new double[] {1, 4}, t.target());
        assertEquals(3, t.skipped().size());
        assertEquals(List.of(3, 4, 5), t.skipped().stream().map(InvalidRow::line).toList());
        assertEquals(List.of("smiles", "y", "smiles"), t.skipped().stream().map(InvalidRow::column).toList());
    }

    @Test
    void categoriesFileIsJoinedByCanonicalSmiles() throws IOException {
        Path data = write("data.csv", "smiles,y,d\nCCO,1,2\nc1ccccc1,2,3\nCC(=O)O,3,4\n");
        Path cats = write("cats.csv", "smiles,mw,ring,acid\nOC(C)=O,60,0,1\nC1=CC=CC=C1,78,1,0\nOCC,46,0,0\nCCl,50,0,0\n");
        PropertyTable t = PropertyTableReader.read(data, PropertyReadOptions.of("smiles", "y").withCategoriesFile(cats));
        assertEquals(List.of("ring", "acid"), t.categoryNames());
        assertArrayEquals(new boolean[] {false, false}, t.categories()[0]);
        assertArrayEquals(new boolean[] {true, false}, t.categories()[1]);
        assertArrayEquals(new boolean[] {false, true}, t.categories()[2]);
        assertEquals(List.of("d"), t.descriptorNames());

        Path partial = write("partial.csv", "smiles,ring\nCCO,0\nOC(C)=O,0\n");
        assertMessage(data, PropertyReadOptions.of("smiles", "y").withCategoriesFile(partial),
                data + ":3: smiles: molecule C=1C=CC=CC1 has no row in " + partial);
        PropertyTable skipped = PropertyTableReader.read(data, PropertyReadOptions.of("smiles", "y")
                .withCategoriesFile(partial).withSkipInvalid(true));
        assertEquals(List.of("CCO", "CC(=O)O"), skipped.smiles());
        assertEquals(1, skipped.skipped().size());
    }

    @Test
    void stereoisomersAreDistinctMolecules() throws IOException {
        Path f = write("z.csv", "smiles,y\nC/C=C/C,1\nC/C=C\\C,2\nC(/C)=C/C,3\n");
        assertMessage(f, PropertyReadOptions.of("smiles", "y"), f + ":4: smiles: duplicate molecule");
    }

    @Test
    void subsetKeepsRowsInTheGivenOrder() throws IOException {
        Path f = write("g.csv", "smiles,y,d\nCCO,1,10\nCCC,2,20\nCCCC,3,30\n");
        PropertyTable t = PropertyTableReader.read(f, PropertyReadOptions.of("smiles", "y"));
        PropertyTable s = t.subset(new int[] {2, 0});
        assertArrayEquals(new double[] {3, 1}, s.target());
        assertEquals(30, s.descriptors()[0][0]);
        assertEquals(t.sigmaAll(), s.sigmaAll());
    }

    @Test
    void readsTheQmexHydrationSet() throws IOException {
        Path qmex = SharedData.dir().resolve("data/qmex-dgs");
        assumeTrue(Files.isDirectory(qmex), "shared qmex-dgs data not present");
        PropertyTable t = PropertyTableReader.read(qmex.resolve("bench_dGs_with_qmex_predict.csv"),
                PropertyReadOptions.of("smiles", "dGs")
                        .withIgnoreColumns(Set.of("xdis", "ydis", "UMAP-1", "UMAP-2", "similarity"))
                        .withCategoriesFile(qmex.resolve("bench_dGs_with_category.csv")));
        assertEquals(631, t.size());
        assertEquals(22, t.descriptorNames().size());
        assertEquals("mw", t.descriptorNames().get(0));
        assertEquals("dEbase", t.descriptorNames().get(21));
        assertEquals(44, t.categoryNames().size());
        assertEquals("polar", t.categoryNames().get(0));
        assertEquals("amide", t.categoryNames().get(43));
        assertTrue(t.skipped().isEmpty());
        assertEquals(3.30, t.sigmaAll().value(), 0.005);
        assertEquals(-14.21, t.target()[0]);
    }
}
