package io.moiety.data.io;

/** Dataset file formats Moiety reads; the first two it also writes. */
public enum Format {
    MOIETY_HDF5, EXTXYZ, ANI1X, SPICE, QM7X
}
