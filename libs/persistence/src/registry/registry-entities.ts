export { RegistryRegionVersion } from './registry-region.entity';
export { RegistryIndustryVersion } from './registry-industry.entity';
export { RegistryCompetentDepartmentVersion } from './registry-competent-department.entity';
export { RegistryUnitVersion } from './registry-unit.entity';
export { RegistryPersonVersion } from './registry-person.entity';
export { RegistryResponsibilityVersion } from './registry-responsibility.entity';
