#!/bin/sh
# Stand-in for xtb in tests: writes the output lines and files Moiety reads, with values that
# depend only on the call (charge, solvent), and appends each call to $FAKE_XTB_LOG (or ./calls.log
# two directories up). Energies: neutral -10 Eh, shifted by -0.1 Eh per unit of charge.
if [ "$1" = "--version" ]; then echo "   * xtb version 0.0 (test stand-in)"; exit 0; fi
in="$1"; shift
chrg=0; mode=sp; solvent=""
while [ $# -gt 0 ]; do
  case "$1" in
    --chrg) chrg="$2"; shift ;;
    --ohess) mode=ohess ;;
    --vipea) mode=vipea ;;
    --opt) mode=opt ;;
    --alpb) solvent="$2"; shift ;;
  esac
  shift
done
log="${FAKE_XTB_LOG:-$(dirname "$0")/calls.log}"
echo "$mode $solvent $chrg $(sed -n 3p "$in" | cut -c1-40)" >> "$log"
if [ -n "$FAKE_XTB_SLEEP" ]; then sleep "$FAKE_XTB_SLEEP"; fi
n=$(head -1 "$in" | tr -d ' ')
energy=$(awk "BEGIN { print -10 - 0.1 * ($chrg) }")
cp "$in" xtbopt.xyz
i=1; : > charges; : > wbo
while [ $i -le "$n" ]; do
  awk "BEGIN { print 0.01 * $i - 0.02 }" >> charges
  j=$((i + 1))
  while [ $j -le "$n" ]; do echo "  $i  $j  0.$((i + j))" >> wbo; j=$((j + 1)); done
  i=$((i + 1))
done
case "$mode" in
  ohess)
    cat <<OUT
        10        2.0000           -0.4081377             -11.1060 (HOMO)
        11                         -0.0178570              -0.4859 (LUMO)
Mol. α(0) /au        :         54.067604
molecular dipole:
                 x           y           z       tot (Debye)
 q only:       -0.193       0.419       0.437
   full:       -0.299       0.617       0.633       2.371
rotational constants/cm⁻¹ :        0.1826153E+00   0.7907820E-01   0.5931987E-01
   temp. (K)  partition function   enthalpy   heat capacity  entropy
 298.15  VIB   115.                 3236.019     20.454     19.964
         ROT  0.181E+06              888.752      2.981     27.035
         INT  0.207E+08             4124.772     23.435     46.999
         TR   0.855E+27             1481.254      4.968     39.455
         TOT                        5606.0257    28.4027    86.4535   361.7216
          | TOTAL ENERGY              $energy Eh   |
          | TOTAL FREE ENERGY         -9.9 Eh   |
OUT
    ;;
  vipea)
    echo "delta SCC IP (eV):    9.4207"
    echo "delta SCC EA (eV):   -0.8796"
    ;;
  *)
    if [ "$solvent" = water ]; then echo "         :: -> Gsolv                  -0.02 Eh    ::"; fi
    if [ "$solvent" = octanol ]; then echo "         :: -> Gsolv                  -0.03 Eh    ::"; fi
    echo "          | TOTAL ENERGY              $energy Eh   |"
    ;;
esac
