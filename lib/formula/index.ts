/**
 * `lib/formula`: a restricted mathjs instance that knows the library's functions, safe to hand
 * to readers who type formulas (score functions, attention variants) into a widget.
 */
export * from "./math";
export { FORMULA_LIMITS, type FormulaLimits } from "./limits";
export { FORMULA_FUNCTIONS } from "./functions";
export { FORMULA_BUILTINS, DISABLED_FUNCTIONS } from "./instance";
export { compileScoreFormula, scoreMatrixFromFormula, type ScoreFormula } from "./score";
export { explainFormulaError, type FormulaProblem } from "./messages";
