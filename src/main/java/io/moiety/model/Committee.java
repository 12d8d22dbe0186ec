package io.moiety.model;

import io.moiety.data.Frame;
import java.util.ArrayList;
import java.util.List;

/**
 * An ensemble of potentials trained alike (e.g. one configuration with K seeds): predicts the
 * members' mean energy (eV) and forces (eV/Å), and with {@link #predictWithSpread} their spread,
 * the committee's uncertainty. Closing it closes every member.
 */
public final class Committee implements Potential {
    private final List<Potential> members;

    /** A committee of at least two members, all predicting forces or none. */
    public Committee(List<Potential> members) {
        if (members.size() < 2) {
            throw new IllegalArgumentException("a committee needs at least 2 members, got " + members.size());
        }
        boolean forces = members.get(0).predictsForces();
        for (Potential p : members) {
            if (p.predictsForces() != forces) {
                throw new IllegalArgumentException("committee members " + members.get(0).name() + " and " + p.name()
                        + " differ in whether they predict forces");
            }
        }
        this.members = List.copyOf(members);
    }

    /** The members, in order. */
    public List<Potential> members() { return members; }

    @Override
    public String name() {
        return members.get(0).name() + "×" + members.size();
    }

    @Override
    public boolean predictsForces() { return members.get(0).predictsForces(); }

    @Override
    public List<Prediction> predict(List<Frame> frames) {
        return predictWithSpread(frames).stream().map(CommitteePrediction::mean).toList();
    }

    /** Mean and spread per frame, in order. */
    public List<CommitteePrediction> predictWithSpread(List<Frame> frames) {
        List<List<Prediction>> byMember = new ArrayList<>();
        for (Potential p : members) {
            List<Prediction> pred = p.predict(frames);
            if (pred.size() != frames.size()) {
                throw new IllegalStateException(p.name() + " returned " + pred.size() + " predictions for "
                        + frames.size() + " frames");
            }
            byMember.add(pred);
        }
        int k = members.size();
        List<CommitteePrediction> out = new ArrayList<>(frames.size());
        for (int i = 0; i < frames.size(); i++) {
            double[] e = new double[k];
            double[][] f = predictsForces() ? new double[k][] : null;
            for (int m = 0; m < k; m++) {
                Prediction p = byMember.get(m).get(i);
                e[m] = p.energy();
                if (f != null) {
                    f[m] = p.forces();
                }
            }
            out.add(CommitteePrediction.of(e, f));
        }
        return out;
    }

    @Override
    public void close() {
        RuntimeException first = null;
        for (Potential p : members) {
            try {
                p.close();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
