package io.moiety.jmh;

import io.moiety.chem.Structure;
import io.moiety.model.graph.AllPairs;
import io.moiety.model.graph.BinnedNeighbourList;
import io.moiety.model.graph.Edges;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * How long does a neighbour list take, all pairs (O(N²)) vs cell list (O(N)), for hexane
 * clusters in vacuum and periodic boxes at liquid density ({@link BenchSystems}), 5 Å cutoff?
 * Pure Java, no native memory. The periodic all-pairs builder also loops over every cell image
 * that can reach the cutoff, so it is far slower than the molecule case at the same N.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
public class NeighbourListBench {

    /** Number of atoms (multiples of 20: hexanes). */
    @Param({"20", "100", "1000", "10000"})
    public int atoms;

    /** {@code cluster} (molecules in vacuum) or {@code box} (periodic). */
    @Param({"cluster", "box"})
    public String system;

    /** Cutoff, Å (the small SchNet/PaiNN configurations use 5 Å). */
    @Param({"5.0"})
    public double cutoff;

    private Structure structure;
    private final AllPairs allPairs = new AllPairs();
    private final BinnedNeighbourList cellList = new BinnedNeighbourList();

    @Setup
    public void setup() {
        structure = BenchSystems.system(system, atoms);
    }

    @Benchmark
    public void allPairs(Blackhole bh) {
        Edges e = allPairs.build(structure, cutoff);
        bh.consume(e.src());
        bh.consume(e.shift());
    }

    @Benchmark
    public void cellList(Blackhole bh) {
        Edges e = cellList.build(structure, cutoff);
        bh.consume(e.src());
        bh.consume(e.shift());
    }
}
