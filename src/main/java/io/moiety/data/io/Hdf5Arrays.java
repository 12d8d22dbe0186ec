package io.moiety.data.io;

import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.lang.reflect.Array;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads HDF5 datasets and attributes through jhdf into flat Java arrays, whatever numeric type
 * the file stores, with errors that name the group and dataset.
 */
final class Hdf5Arrays {
    private final Path file;

    Hdf5Arrays(Path file) {
        this.file = file;
    }

    /** A child dataset; error naming group and dataset when it is absent or not a dataset. */
    Dataset dataset(Group group, String name) {
        Node n = group.getChildren().get(name);
        if (n == null) {
            throw DataFileException.inHdf5(file, groupPath(group), name, "missing dataset");
        }
        if (!(n instanceof Dataset d)) {
            throw DataFileException.inHdf5(file, groupPath(group), name, "is a group, expected a dataset");
        }
        return d;
    }

    /** Checks the shape: {@code -1} in {@code expected} matches any length. */
    int[] shape(Group group, Dataset d, int... expected) {
        int[] dims = d.getDimensions();
        boolean ok = dims.length == expected.length;
        for (int i = 0; ok && i < dims.length; i++) {
            ok = expected[i] < 0 || expected[i] == dims[i];
        }
        if (!ok) {
            throw DataFileException.inHdf5(file, groupPath(group), d.getName(), "shape " + Arrays.toString(dims)
                    + " does not match expected " + Arrays.toString(expected).replace("-1", "any"));
        }
        return dims;
    }

    /** All values as doubles, row-major. */
    double[] doubles(Group group, Dataset d) {
        Object flat = d.isScalar() ? wrap(d.getData()) : d.getDataFlat();
        if (flat instanceof double[] a) {
            return a;
        }
        if (flat instanceof float[] a) {
            double[] out = new double[a.length];
            for (int i = 0; i < a.length; i++) {
                out[i] = a[i];
            }
            return out;
        }
        return numbers(group, d.getName(), flat);
    }

    /** All values as ints, row-major. */
    int[] ints(Group group, Dataset d) {
        Object flat = d.isScalar() ? wrap(d.getData()) : d.getDataFlat();
        double[] v = flat instanceof int[] a ? null : numbers(group, d.getName(), flat);
        if (v == null) {
            return (int[]) flat;
        }
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (int) v[i];
            if (out[i] != v[i]) {
                throw DataFileException.inHdf5(file, groupPath(group), d.getName(), "value " + v[i] + " is not an integer");
            }
        }
        return out;
    }

    private double[] numbers(Group group, String name, Object flat) {
        if (flat == null || !flat.getClass().isArray()) {
            throw DataFileException.inHdf5(file, groupPath(group), name, "expected a numeric array");
        }
        int n = Array.getLength(flat);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            Object v = Array.get(flat, i);
            if (!(v instanceof Number num)) {
                throw DataFileException.inHdf5(file, groupPath(group), name, "expected numbers, found "
                        + flat.getClass().getComponentType().getSimpleName());
            }
            out[i] = num.doubleValue();
        }
        return out;
    }

    private static Object wrap(Object scalar) {
        if (scalar != null && scalar.getClass().isArray()) {
            return scalar;
        }
        Object a = Array.newInstance(scalar instanceof Number ? Number.class : Object.class, 1);
        Array.set(a, 0, scalar);
        return a;
    }

    /** A string attribute, or a string dataset's first element, or null when absent. */
    static String string(Group group, String name) {
        Attribute a = group.getAttributes().get(name);
        Object v = a != null ? a.getData() : null;
        if (v == null) {
            Node n = group.getChildren().get(name);
            if (n instanceof Dataset d) {
                v = d.getData();
            }
        }
        while (v != null && v.getClass().isArray()) {
            v = Array.getLength(v) == 0 ? null : Array.get(v, 0);
        }
        return v == null ? null : v.toString();
    }

    /** An integer attribute, or {@code dflt} when absent. */
    int intAttribute(Group group, String name, int dflt) {
        Attribute a = group.getAttributes().get(name);
        if (a == null) {
            return dflt;
        }
        Object v = a.getData();
        while (v != null && v.getClass().isArray()) {
            v = Array.getLength(v) == 0 ? null : Array.get(v, 0);
        }
        if (v instanceof Number num) {
            return num.intValue();
        }
        try {
            return Integer.parseInt(String.valueOf(v).trim());
        } catch (NumberFormatException e) {
            throw DataFileException.inHdf5(file, groupPath(group), "@" + name, "attribute is not an integer: " + v);
        }
    }

    static String groupPath(Group g) {
        String p = g.getPath();
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }
}
