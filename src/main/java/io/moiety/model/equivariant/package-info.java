/**
 * Equivariant tensor-product potential in the NequIP/MACE family: real spherical harmonics,
 * real-basis Clebsch–Gordan (Wigner-3j) couplings, packed coupling matrices, and the DJL model
 * built on them. Irreps of SO(3) are stored packed, {@code l = 0..L} one after the other
 * ({@code (L+1)²} components, block {@code l} at offset {@code l²}, {@code m = -l..l}).
 */
package io.moiety.model.equivariant;
