package io.moiety.data.io;

import io.moiety.chem.Element;
import io.moiety.chem.Formula;
import io.moiety.chem.Structure;
import io.moiety.data.Dataset;
import io.moiety.data.Frame;
import io.moiety.data.IsolatedAtoms;
import io.moiety.data.MoleculeRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Parses extended XYZ (ASE conventions) with a hand-rolled tokenizer, streaming the file through a
 * buffer that holds a few lines at a time, so the heap holds the parsed frames and not the text.
 * Consecutive frames with the same species sequence (and the same Moiety keys {@code molecule},
 * {@code smiles}, {@code charge}, {@code multiplicity}, {@code level_of_theory}, {@code source},
 * when present) form one molecule record. Single-atom frames with {@code config_type=IsolatedAtom}
 * are isolated-atom energies ({@link IsolatedAtomFrames}), not molecules.
 */
final class ExtxyzReader {
    /** Header keys that Moiety maps onto its data model instead of {@link Frame#info()}. */
    static final String MOLECULE = "molecule", SMILES = "smiles", CHARGE = "charge",
            MULTIPLICITY = "multiplicity", LEVEL = "level_of_theory", SOURCE = "source";
    static final String DEFAULT_PROPERTIES = "species:S:1:pos:R:3";
    /** Frame info key of a plain-XYZ comment line (one without {@code key=value} pairs). */
    static final String COMMENT = "comment";

    private static final int[] SPECIES = new int[1 << 16];
    /** Shortest possible atom line: species and three coordinates of one character, separators, newline. */
    private static final int MIN_ATOM_LINE_BYTES = 8;
    /** Longest atom-count line: anything longer is not extended XYZ, which a file shows in its first KB. */
    static final int COUNT_LINE_BYTES = 1024;
    /** Longest comment or atom line. */
    static final int MAX_LINE_BYTES = 16 << 20;
    /** Bytes read from the file at a time (the buffer grows only for longer lines). */
    private static final int CHUNK_BYTES = 64 * 1024;
    /** Distinct header keys and values kept as one shared string each (frame info repeats them). */
    private static final int MAX_SHARED_STRINGS = 4096;
    /** Longest header key or value that is shared. */
    private static final int MAX_SHARED_LENGTH = 256;

    static {
        for (Element e : Element.values()) {
            String s = e.symbol();
            for (String v : new String[] {s, s.toLowerCase(), s.toUpperCase()}) {
                SPECIES[key(v.getBytes(StandardCharsets.ISO_8859_1), 0, v.length())] = e.z();
            }
        }
    }

    private final Path file;
    private final InputStream in;
    private final long fileSize;
    /** Bytes {@code [0, limit)} of the buffer are the file from offset {@code bufferOffset}. */
    private byte[] data = new byte[CHUNK_BYTES];
    private int limit;
    private long bufferOffset;
    private boolean endOfFile;
    /** The current line was cut at the length its caller allows. */
    private boolean lineTooLong;
    private final Map<String, String> shared = new HashMap<>();
    private final String energyKey;
    private final String forcesKey;
    private final Map<String, Layout> layouts = new HashMap<>();
    /** Per-atom columns of the file that no frame keeps. */
    private final Set<String> notRead = new LinkedHashSet<>();
    /** The file's isolated-atom frames. */
    private final IsolatedAtomFrames isolated;
    private int pos;
    private long line;
    private int lineStart;
    private int lineEnd;
    private final int[] tokStart = new int[64];
    private final int[] tokEnd = new int[64];

    private ExtxyzReader(Path file, InputStream in, long fileSize, ReadOptions options) {
        this.file = file;
        this.in = in;
        this.fileSize = fileSize;
        this.energyKey = options.energyKey() == null ? "energy" : options.energyKey();
        this.forcesKey = options.forcesKey() == null ? "forces" : options.forcesKey();
        this.isolated = new IsolatedAtomFrames(file);
    }

    /** The file as a dataset that also reports the per-atom columns it did not keep. */
    static Dataset open(Path file, ReadOptions options) throws IOException {
        List<MoleculeRecord> molecules;
        List<String> notRead;
        IsolatedAtoms isolated;
        try (InputStream in = Files.newInputStream(file)) {
            ExtxyzReader r = new ExtxyzReader(file, in, Files.size(file), options);
            molecules = r.readMolecules();
            notRead = List.copyOf(r.notRead);
            isolated = r.isolated.result();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        if (molecules.isEmpty() && isolated.isEmpty()) {
            throw DataFileException.inFile(file, "no frames (only blank lines)");
        }
        Dataset all = Dataset.of(molecules, isolated);
        return new Dataset() {
            @Override public List<String> moleculeIds() { return all.moleculeIds(); }
            @Override public MoleculeRecord molecule(String id) { return all.molecule(id); }
            @Override public IsolatedAtoms isolatedAtoms() { return isolated; }
            @Override public List<String> columnsNotRead() { return notRead; }
            @Override public void close() { }
        };
    }

    private record GroupKey(int[] species, String molecule, String smiles, int charge, int multiplicity,
                            String level, String source) {
        boolean sameAs(GroupKey o) {
            return o != null && Arrays.equals(species, o.species) && Objects.equals(molecule, o.molecule)
                    && smiles.equals(o.smiles) && charge == o.charge && multiplicity == o.multiplicity
                    && level.equals(o.level) && source.equals(o.source);
        }
    }

    private List<MoleculeRecord> readMolecules() {
        List<MoleculeRecord> out = new ArrayList<>();
        Set<String> usedIds = new HashSet<>();
        GroupKey current = null;
        List<Frame> frames = new ArrayList<>();
        String defaultSource = file.getFileName().toString();
        while (true) {
            ParsedFrame f = nextFrame(current == null ? null : current.species);
            if (f == null) {
                break;
            }
            if (IsolatedAtomFrames.marks(f.frame.info())) {
                isolated.add(f.headerLine, f.key.species, f.frame.energy(), f.key.charge, f.multiplicityGiven ? f.key.multiplicity : 0,
                        f.frame.info(), f.key.level, f.key.source, energyKey);
                continue;
            }
            if (!f.key.sameAs(current)) {
                if (current != null) {
                    out.add(record(current, frames, usedIds, defaultSource));
                }
                current = f.key;
                frames = new ArrayList<>();
            }
            frames.add(f.frame);
        }
        if (current != null) {
            out.add(record(current, frames, usedIds, defaultSource));
        }
        return out;
    }

    private static MoleculeRecord record(GroupKey k, List<Frame> frames, Set<String> used, String defaultSource) {
        String formula = Formula.hill(k.species);
        String base = k.molecule != null ? k.molecule : formula;
        String id = base;
        for (int n = 2; !used.add(id); n++) {
            id = base + "_" + n;
        }
        return new MoleculeRecord(id, k.smiles, formula, k.charge, k.multiplicity, k.level,
                k.source.isEmpty() && k.molecule == null ? defaultSource : k.source, frames);
    }

    private record ParsedFrame(GroupKey key, Frame frame, long headerLine, boolean multiplicityGiven) {}

    /** Column layout of the atom lines, from {@code Properties=}. */
    private static final class Layout {
        int tokens;
        int species = -1;
        boolean speciesIsZ;
        int pos = -1;
        int forces = -1;
        String[] names;
    }

    private Layout layout(String properties, long headerLine) {
        Layout cached = layouts.get(properties);
        if (cached != null) {
            return cached;
        }
        String[] parts = properties.split(":", -1);
        if (parts.length % 3 != 0) {
            throw DataFileException.atLine(file, headerLine, "Properties",
                    "expected name:type:count triples, got '" + properties + "'");
        }
        Layout l = new Layout();
        List<String> names = new ArrayList<>();
        for (int p = 0; p < parts.length; p += 3) {
            String name = parts[p];
            String type = parts[p + 1];
            int count;
            try {
                count = Integer.parseInt(parts[p + 2]);
            } catch (NumberFormatException e) {
                throw DataFileException.atLine(file, headerLine, "Properties",
                        "count of '" + name + "' is not an integer: '" + parts[p + 2] + "'");
            }
            if (!type.matches("[RISL]") || count < 1) {
                throw DataFileException.atLine(file, headerLine, "Properties",
                        "bad type or count for '" + name + "': " + type + ":" + count + " (types R, I, S, L)");
            }
            if ((name.equals("species") && type.equals("S")) || (name.equals("Z") && type.equals("I") && l.species < 0)) {
                l.species = l.tokens;
                l.speciesIsZ = type.equals("I");
            } else if (name.equals("pos") && type.equals("R") && count == 3) {
                l.pos = l.tokens;
            } else if (name.equals(forcesKey) && type.equals("R") && count == 3) {
                l.forces = l.tokens;
            } else {
                notRead.add(name);
            }
            for (int c = 0; c < count; c++) {
                names.add(name);
            }
            l.tokens += count;
        }
        if (l.species < 0) {
            throw DataFileException.atLine(file, headerLine, "Properties", "no species:S:1 (or Z:I:1) column in '" + properties + "'");
        }
        if (l.pos < 0) {
            throw DataFileException.atLine(file, headerLine, "Properties", "no pos:R:3 column in '" + properties + "'");
        }
        if (l.tokens > tokStart.length) {
            throw DataFileException.atLine(file, headerLine, "Properties", "more than " + tokStart.length + " columns");
        }
        l.names = names.toArray(String[]::new);
        layouts.put(properties, l);
        return l;
    }

    /**
     * Advances to the next line, reading more of the file when the buffer holds no complete line;
     * false at the end of the file. A line longer than {@code maxBytes} ends the reading: the
     * current line is then its first {@code maxBytes} bytes and {@link #lineTooLong} is set.
     */
    private boolean nextLine(int maxBytes) {
        lineTooLong = false;
        int scan = pos;
        while (true) {
            int nl = scan;
            while (nl < limit && data[nl] != '\n') {
                nl++;
            }
            if (nl - pos > maxBytes) {
                lineTooLong = true;
                setLine(pos, pos + maxBytes);
                return true;
            }
            if (nl < limit || (endOfFile && pos < limit)) {
                setLine(pos, nl);
                pos = nl < limit ? nl + 1 : limit;
                return true;
            }
            if (endOfFile) {
                return false;
            }
            scan = limit;
            if (pos > 0) { // keep only the unfinished line
                System.arraycopy(data, pos, data, 0, limit - pos);
                bufferOffset += pos;
                scan -= pos;
                limit -= pos;
                pos = 0;
            }
            if (limit == data.length) {
                data = Arrays.copyOf(data, 2 * data.length);
            }
            int n = read(data, limit, data.length - limit);
            if (n < 0) {
                endOfFile = true;
            } else {
                limit += n;
            }
        }
    }

    private void setLine(int start, int end) {
        lineStart = start;
        lineEnd = end > start && data[end - 1] == '\r' ? end - 1 : end;
        line++;
    }

    private int read(byte[] b, int off, int len) {
        try {
            return in.read(b, off, len);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@link #nextLine(int)} for a comment or atom line, which may be up to {@link #MAX_LINE_BYTES} long. */
    private boolean nextLine(String field) {
        boolean more = nextLine(MAX_LINE_BYTES);
        if (lineTooLong) {
            throw DataFileException.atLine(file, line, field, "line longer than " + (MAX_LINE_BYTES >> 20)
                    + " MB (is this an extended XYZ file?)");
        }
        return more;
    }

    /** Bytes of the file after the current position. */
    private long bytesLeft() {
        return fileSize - (bufferOffset + pos);
    }

    /** One shared instance of a short header key or value, so that repeated frame info is held once. */
    private String shared(String s) {
        if (s.length() > MAX_SHARED_LENGTH) {
            return s;
        }
        String known = shared.get(s);
        if (known != null) {
            return known;
        }
        if (shared.size() < MAX_SHARED_STRINGS) {
            shared.put(s, s);
        }
        return s;
    }

    private String lineText() {
        return new String(data, lineStart, lineEnd - lineStart, StandardCharsets.UTF_8);
    }

    private boolean blankLine() {
        for (int i = lineStart; i < lineEnd; i++) {
            if (data[i] != ' ' && data[i] != '\t') {
                return false;
            }
        }
        return true;
    }

    /** The atom count on the current line. */
    private int atomCount(int[] previousSpecies) {
        String countText = lineTooLong ? null : lineText().trim();
        int n;
        try {
            n = Integer.parseInt(countText);
        } catch (NumberFormatException e) {
            String got = countText == null ? "a line longer than " + COUNT_LINE_BYTES / 1024 + " KB"
                    : "'" + abbreviate(countText) + "'";
            String hint = previousSpecies != null ? " (does the previous frame have more atoms than its count "
                    + previousSpecies.length + "?)" : countText == null ? " (is this an extended XYZ file?)" : "";
            throw DataFileException.atLine(file, line, "atom count", "expected an integer, got " + got + hint);
        }
        if (n < 1) {
            throw DataFileException.atLine(file, line, "atom count", "must be at least 1, got " + n);
        }
        return n;
    }

    private ParsedFrame nextFrame(int[] previousSpecies) {
        do {
            if (!nextLine(COUNT_LINE_BYTES)) {
                return null;
            }
        } while (!lineTooLong && blankLine());
        long countLine = line;
        int n = atomCount(previousSpecies);
        if (!nextLine("comment line")) {
            throw DataFileException.atLine(file, line + 1, "comment line", "missing: the file ends after the atom count");
        }
        long headerLine = line;
        Map<String, String> kv;
        try {
            kv = header(lineText());
        } catch (IllegalArgumentException e) {
            throw DataFileException.atLine(file, line, "comment line", e.getMessage());
        }
        String props = kv.remove("Properties");
        Layout l = layout(props == null ? DEFAULT_PROPERTIES : props, headerLine);
        // a valid atom line holds at least a species and three coordinates, each one character and a
        // separator: refuse a count the rest of the file cannot hold before allocating for it
        long bytesLeft = bytesLeft();
        if ((long) n * MIN_ATOM_LINE_BYTES - 1 > bytesLeft) {
            throw DataFileException.atLine(file, countLine, "atom count", "frame declares " + n + " atoms but only "
                    + bytesLeft + " bytes follow, too few for that many atom lines (truncated file or wrong count?)");
        }
        double energy = Double.NaN;
        String e = kv.remove(energyKey);
        if (e != null) {
            energy = headerNumber(e, energyKey, headerLine);
            if (!Double.isFinite(energy)) {
                throw DataFileException.atLine(file, headerLine, energyKey, "is " + energy
                        + " (omit the key for an unlabelled frame)");
            }
        }
        double[] cell = null;
        String lattice = kv.get("Lattice");
        String pbc = kv.get("pbc");
        if (pbc != null && partlyPeriodic(pbc)) {
            throw DataFileException.atLine(file, headerLine, "pbc", "partial periodicity \"" + pbc.trim() + "\" is not "
                    + "supported: Moiety's neighbour lists are periodic in all three directions or in none (use pbc=\"T T T\" "
                    + "with a wide vacuum gap, or pbc=\"F F F\")");
        }
        if (lattice != null && (pbc == null || periodic(pbc))) {
            // ASE: a Lattice without pbc means periodic. With pbc="F F F" (a molecule in vacuum)
            // the lattice stays in the frame info, so Structure.cell is only set for periodic frames.
            kv.remove("Lattice");
            String[] v = lattice.trim().split("\\s+");
            if (v.length != 9) {
                throw DataFileException.atLine(file, headerLine, "Lattice", "expected 9 numbers, got " + v.length);
            }
            cell = new double[9];
            for (int i = 0; i < 9; i++) {
                cell[i] = headerNumber(v[i], "Lattice", headerLine);
                if (!Double.isFinite(cell[i])) {
                    throw DataFileException.atLine(file, headerLine, "Lattice", "value " + (i + 1) + " is " + cell[i]);
                }
            }
        }
        String molecule = kv.remove(MOLECULE);
        String smiles = orEmpty(kv.remove(SMILES));
        String level = orEmpty(kv.remove(LEVEL));
        String source = orEmpty(kv.remove(SOURCE));
        int charge = headerInt(kv.remove(CHARGE), CHARGE, 0, headerLine);
        String multiplicityText = kv.remove(MULTIPLICITY);
        int multiplicity = headerInt(multiplicityText, MULTIPLICITY, 1, headerLine);

        int[] species = new int[n];
        double[] positions = new double[3 * n];
        double[] forces = l.forces >= 0 ? new double[3 * n] : null;
        for (int a = 0; a < n; a++) {
            if (!nextLine("atom line")) {
                throw DataFileException.atLine(file, countLine, "atom count",
                        "frame declares " + n + " atoms but the file ends after " + a + " atom lines");
            }
            int count = tokenize(l.tokens);
            if (count < l.tokens) {
                if (count == 1 && isInteger(tokStart[0], tokEnd[0])) {
                    throw DataFileException.atLine(file, countLine, "atom count", "frame declares " + n
                            + " atoms but line " + line + " looks like the next frame's atom count after " + a + " atoms");
                }
                throw DataFileException.atLine(file, line, l.names[count], "missing column: line has " + count
                        + " fields, Properties declares " + l.tokens);
            }
            if (count > l.tokens) {
                throw DataFileException.atLine(file, line, "Properties", "line has more than the "
                        + l.tokens + " fields Properties declares");
            }
            species[a] = l.speciesIsZ ? atomicNumber(l.species) : symbol(l.species);
            for (int k = 0; k < 3; k++) {
                positions[3 * a + k] = number(l.pos + k, "pos");
            }
            if (forces != null) {
                for (int k = 0; k < 3; k++) {
                    forces[3 * a + k] = number(l.forces + k, forcesKey);
                }
            }
        }
        if (previousSpecies != null && Arrays.equals(previousSpecies, species)) {
            species = previousSpecies;
        }
        Structure s = new Structure(species, positions, charge, multiplicity, cell);
        GroupKey key = new GroupKey(species, molecule, smiles, charge, multiplicity, level, source);
        Map<String, String> info = new HashMap<>(2 * kv.size());
        kv.forEach((k, v) -> info.put(shared(k), shared(v)));
        return new ParsedFrame(key, new Frame(s, energy, forces, info), headerLine, multiplicityText != null);
    }

    /**
     * The pairs of a comment line. A line without any {@code =} is a plain-XYZ comment, not a list of
     * bare keys: it is kept whole as info {@code comment} (so that words such as "molecule" in it set
     * no Moiety key).
     */
    static Map<String, String> header(String comment) {
        if (comment.indexOf('=') >= 0) {
            return ExtxyzHeader.parse(comment);
        }
        Map<String, String> kv = new HashMap<>();
        if (!comment.isBlank()) {
            kv.put(COMMENT, comment.strip());
        }
        return kv;
    }

    /** Whether {@code pbc} mixes periodic and non-periodic directions. */
    private static boolean partlyPeriodic(String pbc) {
        String[] t = pbc.trim().split("\\s+");
        boolean any = false;
        boolean all = true;
        for (String v : t) {
            boolean p = v.startsWith("T") || v.startsWith("t");
            any |= p;
            all &= p;
        }
        return any && !all;
    }

    private static boolean periodic(String pbc) {
        for (String t : pbc.trim().split("\\s+")) {
            if (t.startsWith("T") || t.startsWith("t")) {
                return true;
            }
        }
        return false;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private double headerNumber(String text, String field, long headerLine) {
        try {
            return DecimalParser.parse(text);
        } catch (NumberFormatException ex) {
            throw DataFileException.atLine(file, headerLine, field, "not a number: '" + abbreviate(text) + "'");
        }
    }

    private int headerInt(String text, String field, int dflt, long headerLine) {
        if (text == null) {
            return dflt;
        }
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException ex) {
            throw DataFileException.atLine(file, headerLine, field, "not an integer: '" + abbreviate(text) + "'");
        }
    }

    /** Splits the current line at spaces and tabs; returns the number of fields (capped at max + 1). */
    private int tokenize(int max) {
        int count = 0;
        int i = lineStart;
        int end = lineEnd;
        byte[] d = data;
        while (true) {
            while (i < end && (d[i] == ' ' || d[i] == '\t')) {
                i++;
            }
            if (i >= end) {
                return count;
            }
            if (count == max) {
                return count + 1;
            }
            tokStart[count] = i;
            while (i < end && d[i] != ' ' && d[i] != '\t') {
                i++;
            }
            tokEnd[count++] = i;
        }
    }

    /** A finite number (positions and forces: NaN and infinities are refused). */
    private double number(int token, String field) {
        double v;
        try {
            v = DecimalParser.parse(data, tokStart[token], tokEnd[token]);
        } catch (NumberFormatException ex) {
            throw DataFileException.atLine(file, line, field, "not a number: '" + token(token) + "'");
        }
        if (!Double.isFinite(v)) {
            throw DataFileException.atLine(file, line, field, "is " + token(token) + " (values must be finite)");
        }
        return v;
    }

    private int symbol(int token) {
        int s = tokStart[token];
        int len = tokEnd[token] - s;
        int z = len <= 2 ? SPECIES[key(data, s, len)] : 0;
        if (z == 0) {
            throw DataFileException.atLine(file, line, "species", "unknown element '" + token(token)
                    + "' (Moiety knows H–Ar, Br, I)");
        }
        return z;
    }

    private int atomicNumber(int token) {
        String t = token(token);
        try {
            int z = Integer.parseInt(t);
            Element.ofZ(z);
            return z;
        } catch (IllegalArgumentException ex) {
            throw DataFileException.atLine(file, line, "Z", "unknown atomic number '" + t + "' (Moiety knows H–Ar, Br, I)");
        }
    }

    private boolean isInteger(int s, int e) {
        for (int i = s; i < e; i++) {
            if (data[i] < '0' || data[i] > '9') {
                return false;
            }
        }
        return e > s;
    }

    private String token(int token) {
        return abbreviate(new String(data, tokStart[token], tokEnd[token] - tokStart[token], StandardCharsets.UTF_8));
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 37) + "..." : s;
    }

    private static int key(byte[] b, int s, int len) {
        if (len == 1) {
            return (b[s] & 0xff) << 8;
        }
        if (len == 2) {
            return (b[s] & 0xff) << 8 | (b[s + 1] & 0xff);
        }
        return 0;
    }
}
