#!/bin/sh
# The xtb calls of one molecule, as `moiety props descriptors` makes them, in a plain shell.
# The ion optimisations start from the neutral geometry with charge -1/+1 and one unpaired
# electron (Moiety removes/adds a proton first; same atom count within one, similar cost).
smi="$1"; d=$(mktemp -d "${TMPDIR:-/tmp}"/moiety-loop.XXXXXX); cd "$d" || exit 1
export OMP_NUM_THREADS=1 OMP_STACKSIZE=512M XTBPATH=/usr/share/xtb
obabel -:"$smi" -h --gen3d -oxyz -O start.xyz >/dev/null 2>&1
xtb start.xyz --ohess --gfn 2 --norestart --chrg 0 --uhf 0 > ohess.out 2>&1
xtb xtbopt.xyz --vipea --gfn 2 --norestart --chrg 0 --uhf 0 > vipea.out 2>&1
xtb xtbopt.xyz --alpb water --gfn 2 --norestart --chrg 0 --uhf 0 > w.out 2>&1
xtb xtbopt.xyz --alpb octanol --gfn 2 --norestart --chrg 0 --uhf 0 > o.out 2>&1
mkdir n a b; cp xtbopt.xyz n/; cp xtbopt.xyz a/; cp xtbopt.xyz b/
(cd n && xtb xtbopt.xyz --opt --alpb water --gfn 2 --norestart --chrg 0 --uhf 0 > out 2>&1)
(cd a && xtb xtbopt.xyz --opt --alpb water --gfn 2 --norestart --chrg -1 --uhf 1 > out 2>&1)
(cd b && xtb xtbopt.xyz --opt --alpb water --gfn 2 --norestart --chrg 1 --uhf 1 > out 2>&1)
cd /; rm -rf "$d"
