/** EDGAR's acceptance check `edgar-nature-on-direct`: its metadata and check live with the other EDGAR checks (edgar/). */
import { edgarRuleModule } from '../edgar/rules';

export default edgarRuleModule('edgar-nature-on-direct');
