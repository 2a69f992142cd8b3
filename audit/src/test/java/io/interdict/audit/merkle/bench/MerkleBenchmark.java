package io.interdict.audit.merkle.bench;

import io.interdict.audit.merkle.ConsistencyProofs;
import io.interdict.audit.merkle.Frontier;
import io.interdict.audit.merkle.InclusionProofs;
import io.interdict.audit.merkle.MerkleAppender;
import io.interdict.audit.merkle.MerkleHashes;
import io.interdict.audit.merkle.SubtreeHashes;
import io.interdict.audit.merkle.SubtreeNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of the gateway's hot paths: appending a batch of 100 records, and answering an
 * inclusion or consistency proof from a 1M-leaf tree held in a map. Not run by the build; start it
 * with {@code org.openjdk.jmh.Main MerkleBenchmark} on the test classpath.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class MerkleBenchmark {

    private static final int TREE_SIZE = 1 << 20;

    private Frontier frontier;
    private List<byte[]> batch;
    private SubtreeHashes rows;

    @Setup
    public void buildTree() {
        List<byte[]> leafHashes = new ArrayList<>(TREE_SIZE);
        for (int i = 0; i < TREE_SIZE; i++) {
            leafHashes.add(MerkleHashes.hashLeaf(Integer.toString(i).getBytes(StandardCharsets.UTF_8)));
        }
        MerkleAppender.AppendResult built = MerkleAppender.append(Frontier.empty(), leafHashes);
        Map<Long, byte[]> table = new HashMap<>();
        for (SubtreeNode node : built.completedNodes()) {
            table.put(key(node.level(), node.index()), node.hash());
        }
        rows = (level, index) -> table.get(key(level, index));
        frontier = built.frontier();
        batch = leafHashes.subList(0, 100);
    }

    @Benchmark
    public MerkleAppender.AppendResult appendBatchOf100() {
        return MerkleAppender.append(frontier, batch);
    }

    @Benchmark
    public List<byte[]> inclusionProof() {
        return InclusionProofs.generate(ThreadLocalRandom.current().nextInt(TREE_SIZE), TREE_SIZE, rows);
    }

    @Benchmark
    public List<byte[]> consistencyProof() {
        return ConsistencyProofs.generate(1 + ThreadLocalRandom.current().nextInt(TREE_SIZE), TREE_SIZE, rows);
    }

    private static long key(int level, long index) {
        return ((long) level << 56) | index;
    }
}
