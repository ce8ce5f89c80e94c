// `npm start`: the simulated Finesse desktop arrives with the simulator capability.
console.log('finesse-blend: the simulated Finesse desktop (simulator and container harness) arrives with the next capability.');
console.log('For now: `npm run build` builds the gadget into dist/, and `npm test` runs every check.');
